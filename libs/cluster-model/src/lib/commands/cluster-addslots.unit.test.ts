// CLUSTER ADDSLOTS/DELSLOTS/ADDSLOTSRANGE/DELSLOTSRANGE: Redis 7.0's checks, order and error texts.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import { effectsOf } from '../model/effects.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { clusterAddSlots, clusterAddSlotsRange } from './cluster-addslots.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 1-2 [9-<-${id('b')}]`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 100`,
];

describe('CLUSTER ADDSLOTS / DELSLOTS', () => {
  it('assigns the slots to myself, closes an import of them, and marks state and config dirty', () => {
    const outcome = clusterAddSlots(stateOf(VIEW), ['5', '3', '9'], false, fakeEnv());
    if (!outcome.ok) throw outcome.error;
    expect(outcome.reply).toEqual({ kind: 'ok' });
    expect(renderClusterNodes(outcome.state).split('\n')[0]).toBe(
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 1-3 5 9`,
    );
    expect(effectsOf(outcome.effects, 'update-state')).toHaveLength(1);
    expect(effectsOf(outcome.effects, 'save-config')).toEqual([{ kind: 'save-config', fsync: false }]);
  });

  it('unassigns slots of any owner with DELSLOTS', () => {
    const outcome = clusterAddSlots(stateOf(VIEW), ['100', '1'], true, fakeEnv());
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.slotOwners[100]).toBeNull();
    expect(outcome.state.slotOwners[1]).toBeNull();
    expect(outcome.state.nodes.get(id('b'))?.slotCount).toBe(0);
  });

  it.each([
    ['a slot that does not parse', ['5', 'x'], false, 'ERR Invalid or out of range slot'],
    ['a slot past 16383', ['16384'], false, 'ERR Invalid or out of range slot'],
    ['a slot with a leading zero', ['007'], false, 'ERR Invalid or out of range slot'],
    ['a negative slot', ['-1'], false, 'ERR Invalid or out of range slot'],
    ['a busy slot', ['3', '100'], false, 'ERR Slot 100 is already busy'],
    ['a repeated slot', ['7', '7'], false, 'ERR Slot 7 specified multiple times'],
    ['an unassigned slot', ['1', '50'], true, 'ERR Slot 50 is already unassigned'],
    ['a repeated assigned slot', ['1', '1'], true, 'ERR Slot 1 specified multiple times'],
    ['parse errors before busy ones', ['100', 'nope'], false, 'ERR Invalid or out of range slot'],
  ])('refuses %s', (_what, args, del, text) => {
    const state = stateOf(VIEW);
    expect(clusterAddSlots(state, args, del, fakeEnv())).toEqual({
      ok: false,
      error: expect.objectContaining({ message: text, code: 'ERR' }),
    });
  });
});

describe('CLUSTER ADDSLOTSRANGE / DELSLOTSRANGE', () => {
  it('assigns whole ranges', () => {
    const outcome = clusterAddSlotsRange(stateOf(VIEW), ['10', '20', '30', '30'], false, fakeEnv());
    if (!outcome.ok) throw outcome.error;
    expect(renderClusterNodes(outcome.state).split('\n')[0]).toContain('connected 1-2 10-20 30 [9-<-');
  });

  it.each([
    [
      'an odd argument count',
      ['1', '2', '3'],
      false,
      "ERR wrong number of arguments for 'cluster|addslotsrange' command",
    ],
    [
      'an odd count on delete',
      ['1'],
      true,
      "ERR wrong number of arguments for 'cluster|delslotsrange' command",
    ],
    ['a reversed range', ['5', '3'], false, 'ERR start slot number 5 is greater than end slot number 3'],
    ['a bad end slot', ['5', '99999'], false, 'ERR Invalid or out of range slot'],
    ['an overlapping second range', ['10', '20', '15', '25'], false, 'ERR Slot 15 specified multiple times'],
    ['a busy slot inside a range', ['90', '110'], false, 'ERR Slot 100 is already busy'],
    ['a free slot on delete', ['1', '3'], true, 'ERR Slot 3 is already unassigned'],
  ])('refuses %s', (_what, args, del, text) => {
    expect(clusterAddSlotsRange(stateOf(VIEW), args, del, fakeEnv())).toMatchObject({
      ok: false,
      error: { message: text },
    });
  });

  it('checks each pair before reading the next one, as Redis does', () => {
    // The busy error of the first pair wins over the parse error of the second.
    expect(clusterAddSlotsRange(stateOf(VIEW), ['100', '100', 'x', 'y'], false, fakeEnv())).toMatchObject({
      ok: false,
      error: { message: 'ERR Slot 100 is already busy' },
    });
  });
});
