// configEpoch rules without consensus: collision resolution between two masters, and CLUSTER BUMPEPOCH.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, pingFrom, stateOf } from '../../testing/fixtures.js';
import { clusterBumpEpoch } from '../commands/cluster-epoch-commands.js';
import type { ClusterState } from '../model/cluster-state.js';
import { effectsOf, eventsOf } from '../model/effects.js';
import { applyPingMessage } from './apply-ping.js';

/** `me` and `other` are masters with the same configEpoch 5; currentEpoch is 9. */
function collidingView(me: string, other: string): ClusterState {
  return stateOf(
    [
      `${id(me)} 127.0.0.1:7000@17000 myself,master - 0 0 5 connected 0-100`,
      `${id(other)} 127.0.0.1:7001@17001 master - 0 0 5 connected 101-200`,
    ],
    {},
    9n,
  );
}

describe('configEpoch collision', () => {
  it('makes the master with the smaller id take currentEpoch + 1', () => {
    const env = fakeEnv();
    const state = collidingView('a', 'b');
    const outcome = applyPingMessage(state, pingFrom(state, id('b')), { direction: 'inbound' }, env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.currentEpoch).toBe(10n);
    expect(outcome.state.nodes.get(id('a'))?.configEpoch).toBe(10n);
    expect(effectsOf(outcome.effects, 'save-config')).toEqual([{ kind: 'save-config', fsync: true }]);
    expect(effectsOf(outcome.effects, 'broadcast-pong')).toHaveLength(1);
    expect(eventsOf(outcome.effects)).toContainEqual({
      type: 'config-epoch-bumped',
      nodeId: id('a'),
      detail: { configEpoch: '10', reason: 'collision', otherNodeId: id('b') },
    });
  });

  it('leaves the master with the larger id where it is', () => {
    const env = fakeEnv();
    const state = collidingView('b', 'a');
    const outcome = applyPingMessage(state, pingFrom(state, id('a')), { direction: 'inbound' }, env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.currentEpoch).toBe(9n);
    expect(outcome.state.nodes.get(id('b'))?.configEpoch).toBe(5n);
    expect(effectsOf(outcome.effects, 'broadcast-pong')).toEqual([]);
  });

  it('ignores equal epochs when one side is a replica', () => {
    const env = fakeEnv();
    const state = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 5 connected 0-100`,
      `${id('c')} 127.0.0.1:7002@17002 master - 0 0 5 connected 101-200`,
      `${id('b')} 127.0.0.1:7001@17001 slave ${id('c')} 0 0 5 connected`,
    ]);
    const outcome = applyPingMessage(state, pingFrom(state, id('b')), { direction: 'inbound' }, env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.nodes.get(id('a'))?.configEpoch).toBe(5n);
  });

  it('takes the max currentEpoch and a larger configEpoch from any header', () => {
    const env = fakeEnv();
    const state = collidingView('b', 'a');
    const outcome = applyPingMessage(
      state,
      pingFrom(state, id('a'), { currentEpoch: 40n, configEpoch: 7n }),
      { direction: 'inbound' },
      env,
    );
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.currentEpoch).toBe(40n);
    expect(outcome.state.nodes.get(id('a'))?.configEpoch).toBe(7n);
    const older = applyPingMessage(
      outcome.state,
      pingFrom(state, id('a'), { currentEpoch: 3n, configEpoch: 1n }),
      { direction: 'inbound' },
      env,
    );
    if (!older.ok) throw older.error;
    expect(older.state.currentEpoch).toBe(40n);
    expect(older.state.nodes.get(id('a'))?.configEpoch).toBe(7n);
  });
});

describe('CLUSTER BUMPEPOCH', () => {
  it('replies BUMPED with a new epoch when myself does not hold the largest one', () => {
    const env = fakeEnv();
    const outcome = clusterBumpEpoch(collidingView('a', 'b'), env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.reply).toEqual({ kind: 'status', text: 'BUMPED 10' });
    expect(outcome.state.nodes.get(id('a'))?.configEpoch).toBe(10n);
  });

  it('replies STILL when myself already holds the largest epoch', () => {
    const env = fakeEnv();
    const state = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 9 connected 0-100`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 5 connected 101-200`,
    ]);
    const outcome = clusterBumpEpoch(state, env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.reply).toEqual({ kind: 'status', text: 'STILL 9' });
    expect(outcome.state).toEqual(state);
  });

  it('bumps a node whose epoch is 0 even when nothing is larger', () => {
    const env = fakeEnv();
    const state = stateOf([`${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 0 connected`]);
    expect(clusterBumpEpoch(state, env)).toMatchObject({ ok: true, reply: { text: 'BUMPED 1' } });
  });
});
