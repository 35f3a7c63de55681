// cluster_state as Redis computes it: coverage (with and without cluster-require-full-coverage), the majority
// of slot-owning masters, the writable delay of a (re)starting master and the rejoin delay after a minority.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf, nodeOf } from '../../testing/fixtures.js';
import type { ClusterOptions } from '../model/cluster-options.js';
import type { ClusterState } from '../model/cluster-state.js';
import { changeFlags, type NodeFlag } from '../model/node-flags.js';
import { eventsOf } from '../model/effects.js';
import { updateClusterState } from './update-cluster-state.js';

const FULL = [
  `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460`,
  `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922`,
  `${id('c')} 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16383`,
];

function flagged(state: ClusterState, nodeId: string, flag: NodeFlag): ClusterState {
  const node = nodeOf(state, nodeId);
  return {
    ...state,
    nodes: new Map(state.nodes).set(nodeId, { ...node, flags: changeFlags(node.flags, [flag]) }),
  };
}

/** Evaluates once, waits past the writable delay, evaluates again. */
function settled(state: ClusterState, env: ReturnType<typeof fakeEnv>): ClusterState {
  const first = updateClusterState(state, env).state;
  env.clock.advance(2_000);
  return updateClusterState(first, env).state;
}

function fullCluster(options: Partial<ClusterOptions> = {}): ClusterState {
  return stateOf(FULL, { nodeTimeout: 1_000, ...options });
}

describe('cluster_state', () => {
  it('stays fail on a master for 2 s after its first evaluation, then turns ok', () => {
    const env = fakeEnv();
    const first = updateClusterState(fullCluster(), env);
    expect(first.state.health).toBe('fail');
    env.clock.advance(1_999);
    expect(updateClusterState(first.state, env).state.health).toBe('fail');
    env.clock.advance(1);
    const ok = updateClusterState(first.state, env);
    expect(ok.state.health).toBe('ok');
    expect(ok.state.size).toBe(3);
    expect(eventsOf(ok.effects)).toEqual([
      { type: 'state-changed', nodeId: id('a'), detail: { state: 'ok' } },
    ]);
  });

  it('is fail while a slot is unassigned, unless cluster-require-full-coverage is off', () => {
    const env = fakeEnv();
    const gap = [
      FULL[0] as string,
      FULL[1] as string,
      (FULL[2] as string).replace('10923-16383', '10924-16383'),
    ];
    expect(settled(stateOf(gap, { nodeTimeout: 1_000 }), env).health).toBe('fail');
    expect(settled(stateOf(gap, { nodeTimeout: 1_000, requireFullCoverage: false }), fakeEnv()).health).toBe(
      'ok',
    );
  });

  it('is fail while a slot owner is FAIL (but not merely PFAIL)', () => {
    expect(settled(flagged(fullCluster(), id('c'), 'fail'), fakeEnv()).health).toBe('fail');
    expect(settled(flagged(fullCluster(), id('c'), 'pfail'), fakeEnv()).health).toBe('ok');
  });

  it('is fail in a minority partition: fewer than size/2+1 reachable slot-owning masters', () => {
    const twoDown = flagged(
      flagged(fullCluster({ requireFullCoverage: false }), id('b'), 'pfail'),
      id('c'),
      'pfail',
    );
    expect(settled(twoDown, fakeEnv()).health).toBe('fail');
  });

  it('waits the rejoin delay, clamp(node-timeout, 500, 5000), before a master leaves a minority', () => {
    const env = fakeEnv();
    const ok = settled(fullCluster(), env);
    const minority = updateClusterState(flagged(flagged(ok, id('b'), 'pfail'), id('c'), 'pfail'), env).state;
    expect(minority.health).toBe('fail');
    env.clock.advance(999);
    const healed = { ...minority, nodes: ok.nodes };
    expect(updateClusterState(healed, env).state.health).toBe('fail');
    env.clock.advance(1);
    expect(updateClusterState(healed, env).state.health).toBe('ok');
  });

  it('applies neither delay to a replica', () => {
    const env = fakeEnv();
    const replica = stateOf([
      ...FULL.slice(1),
      `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 2 connected`,
      `${id('d')} 127.0.0.1:7003@17003 master - 0 0 1 connected 0-5460`,
    ]);
    expect(updateClusterState(replica, env).state.health).toBe('ok');
  });

  it('is fail for a fresh node that serves nothing and knows nobody', () => {
    const env = fakeEnv();
    const alone = stateOf([`${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 0 connected`]);
    expect(settled(alone, env)).toMatchObject({ health: 'fail', size: 0 });
  });
});
