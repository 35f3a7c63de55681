// CLUSTER SETSLOT IMPORTING/MIGRATING/STABLE/NODE: Redis 7.0's rules and error texts.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import type { ClusterState } from '../model/cluster-state.js';
import { effectsOf, eventsOf } from '../model/effects.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { clusterSetSlot } from './cluster-setslot.js';
import type { KeyspaceView } from './command-outcome.js';

// a (myself) owns 0-100 under epoch 1, b owns 101-200 under epoch 4, e replicates b.
const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-100`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 101-200`,
  `${id('e')} 127.0.0.1:7004@17004 slave ${id('b')} 0 0 4 connected`,
];

function run(args: string[], state: ClusterState = stateOf(VIEW, {}, 4n), keyspace?: KeyspaceView) {
  return clusterSetSlot(state, args, fakeEnv(), keyspace);
}

function myLine(state: ClusterState): string {
  return renderClusterNodes(state).split('\n')[0] as string;
}

describe('CLUSTER SETSLOT', () => {
  it('records MIGRATING and IMPORTING on myself and STABLE clears them', () => {
    const migrating = run(['5', 'migrating', id('b')]);
    if (!migrating.ok) throw migrating.error;
    expect(myLine(migrating.state)).toBe(
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-100 [5->-${id('b')}]`,
    );
    const importing = run(['150', 'IMPORTING', id('b')], migrating.state);
    if (!importing.ok) throw importing.error;
    expect(myLine(importing.state)).toContain(`[5->-${id('b')}] [150-<-${id('b')}]`);
    const stable = run(['5', 'stable'], importing.state);
    if (!stable.ok) throw stable.error;
    expect(myLine(stable.state)).toContain(`0-100 [150-<-${id('b')}]`);
    expect(effectsOf(stable.effects, 'save-config')).toHaveLength(1);
  });

  it('hands a slot without keys to another master', () => {
    const outcome = run(['100', 'node', id('b')]);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.slotOwners[100]).toBe(id('b'));
    expect(outcome.state.nodes.get(id('a'))?.slotCount).toBe(100);
  });

  it('closes an import on myself with a configEpoch bump and a PONG broadcast', () => {
    const importing = run(['150', 'importing', id('b')]);
    if (!importing.ok) throw importing.error;
    const outcome = run(['150', 'node', id('a')], importing.state);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.slotOwners[150]).toBe(id('a'));
    expect(outcome.state.importingFrom.size).toBe(0);
    expect(outcome.state.nodes.get(id('a'))?.configEpoch).toBe(5n);
    expect(effectsOf(outcome.effects, 'broadcast-pong')).toHaveLength(1);
    expect(effectsOf(outcome.effects, 'save-config')).toEqual([{ kind: 'save-config', fsync: true }]);
    expect(eventsOf(outcome.effects).map((e) => e.type)).toEqual(['config-epoch-bumped']);
  });

  it('turns a master that gave away its last slot into a replica of the new owner', () => {
    const state = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 7`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 101-200`,
    ]);
    const outcome = run(['7', 'node', id('b')], state);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.nodes.get(id('a'))).toMatchObject({
      flags: ['myself', 'replica'],
      masterId: id('b'),
    });
  });

  it('keeps the migrating state while keys remain, and drops it once the slot is empty', () => {
    const migrating = run(['5', 'migrating', id('b')]);
    if (!migrating.ok) throw migrating.error;
    const keys = (count: number): KeyspaceView => ({ keyCount: count, countKeysInSlot: () => count });
    const kept = run(['5', 'node', id('a')], migrating.state, keys(3));
    if (!kept.ok) throw kept.error;
    expect(kept.state.migratingTo.get(5)).toBe(id('b'));
    const dropped = run(['5', 'node', id('a')], migrating.state, keys(0));
    if (!dropped.ok) throw dropped.error;
    expect(dropped.state.migratingTo.size).toBe(0);
  });

  it.each([
    ['a bad slot', ['16384', 'stable'], 'ERR Invalid or out of range slot'],
    [
      'MIGRATING a slot I do not own',
      ['150', 'migrating', id('b')],
      "ERR I'm not the owner of hash slot 150",
    ],
    ['MIGRATING to an unknown node', ['5', 'migrating', 'abc'], "ERR I don't know about node abc"],
    ['MIGRATING to a replica', ['5', 'migrating', id('e')], 'ERR Target node is not a master'],
    ['IMPORTING a slot I own', ['5', 'importing', id('b')], "ERR I'm already the owner of hash slot 5"],
    [
      'IMPORTING from an unknown node',
      ['150', 'importing', id('f')],
      `ERR I don't know about node ${id('f')}`,
    ],
    ['NODE to an unknown node', ['5', 'node', 'abc'], 'ERR Unknown node abc'],
    ['NODE to a replica', ['5', 'node', id('e')], 'ERR Target node is not a master'],
    [
      'an unknown action',
      ['5', 'foo'],
      'ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
    ],
    [
      'STABLE with a node id',
      ['5', 'stable', id('b')],
      'ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
    ],
    [
      'NODE without a node id',
      ['5', 'node'],
      'ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
    ],
  ])('refuses %s', (_what, args, text) => {
    expect(run(args)).toMatchObject({ ok: false, error: { code: 'ERR', message: text } });
  });

  it('refuses to give away a slot that still holds keys', () => {
    const keys: KeyspaceView = { keyCount: 1, countKeysInSlot: (slot) => (slot === 5 ? 1 : 0) };
    expect(run(['5', 'node', id('b')], undefined, keys)).toMatchObject({
      ok: false,
      error: {
        message:
          "ERR Can't assign hashslot 5 to a different node while I still hold keys for this hash slot.",
      },
    });
  });

  it('refuses on a replica', () => {
    const replica = stateOf([
      `${id('e')} 127.0.0.1:7004@17004 myself,slave ${id('b')} 0 0 4 connected`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 101-200`,
    ]);
    expect(run(['5', 'stable'], replica)).toMatchObject({
      ok: false,
      error: { message: 'ERR Please use SETSLOT only with masters.' },
    });
  });
});
