// CLUSTER MEET, REPLICATE, RESET and SET-CONFIG-EPOCH: Redis 7.0's rules and error texts.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { createClusterState } from '../transitions/create-cluster-state.js';
import { clusterSetConfigEpoch } from './cluster-epoch-commands.js';
import { clusterMeet } from './cluster-meet.js';
import { clusterReplicate } from './cluster-replicate.js';
import { clusterReset } from './cluster-reset.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected [9-<-${id('b')}]`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 101-200`,
  `${id('e')} 127.0.0.1:7004@17004 slave ${id('b')} 0 0 4 connected`,
];

describe('CLUSTER MEET', () => {
  it('adds a handshake node with a random name, the normalized address and cport = port + 10000', () => {
    const env = fakeEnv();
    const outcome = clusterMeet(stateOf(VIEW), ['0:0::1', '7005'], env);
    if (!outcome.ok) throw outcome.error;
    const lines = renderClusterNodes(outcome.state).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^[0-9a-f]{40} ::1:7005@17005 handshake - 0 0 0 disconnected$/);
  });

  it('accepts an explicit bus port and does not start a second handshake with the same address', () => {
    const env = fakeEnv();
    const first = clusterMeet(stateOf(VIEW), ['10.0.0.9', '7005', '9005'], env);
    if (!first.ok) throw first.error;
    const again = clusterMeet(first.state, ['10.0.0.9', '7005', '9005'], env);
    if (!again.ok) throw again.error;
    expect(again.reply).toEqual({ kind: 'ok' });
    expect(again.state.nodes.size).toBe(4);
  });

  it.each([
    [['127.0.0.1', 'x'], 'ERR Invalid TCP base port specified: x'],
    [['127.0.0.1', '5', 'y'], 'ERR Invalid TCP bus port specified: y'],
    [['1.2.3', '5'], 'ERR Invalid node address specified: 1.2.3:5'],
    [['127.0.0.1', '70000'], 'ERR Invalid node address specified: 127.0.0.1:70000'],
    [['127.0.0.1', '0'], 'ERR Invalid node address specified: 127.0.0.1:0'],
    [['localhost', '7000'], 'ERR Invalid node address specified: localhost:7000'],
  ])('refuses %j', (args, text) => {
    expect(clusterMeet(stateOf(VIEW), args, fakeEnv())).toMatchObject({
      ok: false,
      error: { message: text },
    });
  });
});

describe('CLUSTER REPLICATE', () => {
  it('makes an empty master a replica of the given master, in its shard', () => {
    const outcome = clusterReplicate(stateOf(VIEW), [id('b')], fakeEnv());
    if (!outcome.ok) throw outcome.error;
    const me = outcome.state.nodes.get(id('a'));
    expect(me).toMatchObject({ flags: ['myself', 'replica'], masterId: id('b'), shardId: id('b') });
    expect(outcome.state.importingFrom.size).toBe(0);
    expect(renderClusterNodes(outcome.state).split('\n')[0]).toBe(
      `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 4 connected`,
    );
  });

  it.each([
    [[id('f')], `ERR Unknown node ${id('f')}`],
    [[id('a')], "ERR Can't replicate myself"],
    [[id('e')], 'ERR I can only replicate a master, not a replica.'],
  ])('refuses %j', (args, text) => {
    expect(clusterReplicate(stateOf(VIEW), args, fakeEnv())).toMatchObject({
      ok: false,
      error: { message: text },
    });
  });

  it('refuses a master with slots or keys', () => {
    const text = 'ERR To set a master the node must be empty and without assigned slots.';
    const withSlots = stateOf([
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 1`,
      ...VIEW.slice(1),
    ]);
    expect(clusterReplicate(withSlots, [id('b')], fakeEnv())).toMatchObject({
      ok: false,
      error: { message: text },
    });
    const keys = { keyCount: 3, countKeysInSlot: () => 0 };
    expect(clusterReplicate(stateOf(VIEW), [id('b')], fakeEnv(), keys)).toMatchObject({
      ok: false,
      error: { message: text },
    });
  });
});

describe('CLUSTER RESET', () => {
  it('SOFT forgets every other node, slot and migration but keeps id and epochs', () => {
    const state = stateOf(VIEW, {}, 9n);
    const outcome = clusterReset(state, [], fakeEnv());
    if (!outcome.ok) throw outcome.error;
    expect(renderClusterNodes(outcome.state)).toBe(
      `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected\n`,
    );
    expect(outcome.state.currentEpoch).toBe(9n);
  });

  it('HARD also takes a new id and zeroes the epochs', () => {
    const outcome = clusterReset(stateOf(VIEW, {}, 9n), ['hard'], fakeEnv());
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.myselfId).not.toBe(id('a'));
    expect(outcome.state.nodes.size).toBe(1);
    expect(renderClusterNodes(outcome.state)).toMatch(
      /^[0-9a-f]{40} 127\.0\.0\.1:7000@17000 myself,master - 0 0 0 connected\n$/,
    );
    expect(outcome.state).toMatchObject({ currentEpoch: 0n, lastVoteEpoch: 0n });
  });

  it('turns a replica back into a master', () => {
    const replica = stateOf([
      `${id('e')} 127.0.0.1:7004@17004 myself,slave ${id('b')} 0 0 4 connected`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 4 connected 101-200`,
    ]);
    const outcome = clusterReset(replica, ['SOFT'], fakeEnv(), { keyCount: 10, countKeysInSlot: () => 0 });
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.nodes.get(id('e'))).toMatchObject({ flags: ['myself', 'master'], masterId: null });
  });

  it('refuses a master with keys and an unknown mode', () => {
    const keys = { keyCount: 1, countKeysInSlot: () => 0 };
    expect(clusterReset(stateOf(VIEW), [], fakeEnv(), keys)).toMatchObject({
      ok: false,
      error: { message: "ERR CLUSTER RESET can't be called with master nodes containing keys" },
    });
    expect(clusterReset(stateOf(VIEW), ['medium'], fakeEnv())).toMatchObject({
      ok: false,
      error: { message: 'ERR syntax error' },
    });
  });
});

describe('CLUSTER SET-CONFIG-EPOCH', () => {
  it('sets the epoch of a fresh node and raises currentEpoch', () => {
    const env = fakeEnv();
    const fresh = createClusterState({ port: 7000, busPort: 17000 }, env);
    const outcome = clusterSetConfigEpoch(fresh, ['3'], env);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.state.nodes.get(fresh.myselfId)?.configEpoch).toBe(3n);
    expect(outcome.state.currentEpoch).toBe(3n);
    expect(clusterSetConfigEpoch(outcome.state, ['4'], env)).toMatchObject({
      ok: false,
      error: { message: 'ERR Node config epoch is already non-zero' },
    });
  });

  it.each([
    [['x'], 'ERR value is not an integer or out of range'],
    [['9223372036854775808'], 'ERR value is not an integer or out of range'],
    [['-1'], 'ERR Invalid config epoch specified: -1'],
  ])('refuses %j', (args, text) => {
    const env = fakeEnv();
    const fresh = createClusterState({ port: 7000, busPort: 17000 }, env);
    expect(clusterSetConfigEpoch(fresh, args, env)).toMatchObject({ ok: false, error: { message: text } });
  });

  it('refuses once the node knows another node', () => {
    expect(clusterSetConfigEpoch(stateOf(VIEW), ['5'], fakeEnv())).toMatchObject({
      ok: false,
      error: {
        message: 'ERR The user can assign a config epoch only when the node does not know any other node.',
      },
    });
  });
});
