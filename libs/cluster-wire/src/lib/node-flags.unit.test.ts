// Node flags: every model flag but the local `myself` has its own wire value and comes back; wire values the
// model has no name for are dropped (node.proto: forward compatibility).
import { NODE_FLAGS, type NodeFlag } from '@tessera/cluster-model';
import { NodeFlag as ProtoNodeFlag } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { flagsFromProto, flagsToProto } from './node-flags.js';

const MODEL_FLAGS = Object.keys(NODE_FLAGS) as NodeFlag[];

describe('flagsToProto / flagsFromProto', () => {
  it('gives every model flag except myself a distinct wire value', () => {
    const values = flagsToProto(MODEL_FLAGS);
    expect(values).toHaveLength(MODEL_FLAGS.length - 1);
    expect(new Set(values).size).toBe(values.length);
    expect(values).not.toContain(ProtoNodeFlag.NODE_FLAG_UNSPECIFIED);
  });

  it('gives back every flag but myself, in the model order', () => {
    expect(flagsFromProto(flagsToProto(MODEL_FLAGS))).toEqual(
      MODEL_FLAGS.filter((flag) => flag !== 'myself'),
    );
    expect(flagsFromProto(flagsToProto(['replica', 'myself', 'nofailover']))).toEqual([
      'replica',
      'nofailover',
    ]);
  });

  it('drops MIGRATE_TO, UNSPECIFIED, unknown numbers and non-numbers, and collapses duplicates', () => {
    expect(
      flagsFromProto([
        ProtoNodeFlag.NODE_FLAG_MIGRATE_TO,
        ProtoNodeFlag.NODE_FLAG_UNSPECIFIED,
        ProtoNodeFlag.NODE_FLAG_FAIL,
        1000,
        -1,
        'master',
        ProtoNodeFlag.NODE_FLAG_MASTER,
        ProtoNodeFlag.NODE_FLAG_MASTER,
      ]),
    ).toEqual(['master', 'fail']);
  });
});
