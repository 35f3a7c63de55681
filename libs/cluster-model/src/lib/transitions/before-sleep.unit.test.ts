// Dirty flags are merged by transitions and flushed once by beforeSleep; local config changes mark them.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import { formatNodesConf } from '../codec/nodes-conf.js';
import type { Effect } from '../model/effects.js';
import { mergeDirtyFlags } from '../model/state-draft.js';
import { beforeSleep } from './before-sleep.js';
import { announceMyself, setMyReplicationOffset, withOptions } from './local-config.js';

const VIEW = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected`,
];

describe('dirty flags', () => {
  it('merge into one save-config (fsync if any asked), one update-state and one broadcast-pong', () => {
    const effects: Effect[] = [
      { kind: 'save-config', fsync: false },
      { kind: 'update-state' },
      { kind: 'broadcast-fail', nodeId: id('b') },
      { kind: 'save-config', fsync: true },
      { kind: 'broadcast-pong' },
      { kind: 'update-state' },
      { kind: 'broadcast-pong' },
    ];
    expect(mergeDirtyFlags(effects)).toEqual([
      { kind: 'save-config', fsync: true },
      { kind: 'update-state' },
      { kind: 'broadcast-fail', nodeId: id('b') },
      { kind: 'broadcast-pong' },
    ]);
  });

  it('are flushed by beforeSleep: state recomputed, save and broadcast requested, the rest passed on', () => {
    const env = fakeEnv();
    const state = stateOf(VIEW);
    const result = beforeSleep(
      state,
      [
        { kind: 'update-state' },
        { kind: 'save-config', fsync: false },
        { kind: 'send-update', toId: id('b'), aboutId: id('a') },
      ],
      env,
    );
    expect(result.saveConfig).toEqual({ fsync: false });
    expect(result.broadcastPong).toBe(false);
    expect(result.state.firstEvaluationAt).toBe(env.clock.now());
    expect(result.state.size).toBe(1);
    expect(result.effects).toEqual([{ kind: 'send-update', toId: id('b'), aboutId: id('a') }]);
    expect(beforeSleep(state, [], env)).toEqual({
      state,
      saveConfig: null,
      broadcastPong: false,
      effects: [],
    });
  });
});

describe('local configuration', () => {
  it('follows cluster-replica-no-failover with the nofailover flag and saves the config', () => {
    const env = fakeEnv();
    const result = withOptions(stateOf(VIEW), { replicaNoFailover: true }, env);
    expect(result.state.nodes.get(id('a'))?.flags).toEqual(['myself', 'master', 'nofailover']);
    expect(result.effects.map((e) => e.kind)).toEqual(['save-config', 'update-state']);
    expect(() => withOptions(stateOf(VIEW), { nodeTimeout: -1 }, env)).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_OPTION_INVALID' }),
    );
  });

  it('announces a hostname and new ports, written to nodes.conf', () => {
    const env = fakeEnv();
    const result = announceMyself(stateOf(VIEW), { hostname: 'a.example', busPort: 27000 }, env);
    expect(formatNodesConf(result.state).split('\n')[0]).toBe(
      `${id('a')} 127.0.0.1:7000@27000,a.example,shard-id=${id('a')} myself,master - 0 0 1 connected 0-16383`,
    );
    expect(result.effects).toEqual([{ kind: 'save-config', fsync: false }]);
    expect(() => announceMyself(stateOf(VIEW), { hostname: 'no spaces' }, env)).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_OPTION_INVALID' }),
    );
  });

  it('records the replication offset the data-node reports', () => {
    const result = setMyReplicationOffset(stateOf(VIEW), 12345n, fakeEnv());
    expect(result.state.nodes.get(id('a'))?.replicationOffset).toBe(12345n);
    expect(result.effects).toEqual([]);
  });
});
