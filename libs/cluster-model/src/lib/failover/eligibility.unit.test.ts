// Which replica may be promoted and in what order: Redis's clusterHandleSlaveFailover preconditions (FAIL
// master with slots, nofailover, data age with cluster-replica-validity-factor), clusterGetSlaveRank, the
// election delay and timeout, and the coordinator's plan built on them.
import { describe, expect, it } from 'vitest';
import { fakeEnv, SeededRandom } from '../../testing/fake-env.js';
import { id, stateOf } from '../../testing/fixtures.js';
import type { ClusterOptions } from '../model/cluster-options.js';
import type { ClusterState } from '../model/cluster-state.js';
import { eventsOf } from '../model/effects.js';
import { setMyReplicationOffset } from '../transitions/local-config.js';
import {
  dataAge,
  electionDelayMs,
  electionTimeoutMs,
  failoverEligibility,
  replicaRank,
  votesNeeded,
} from './eligibility.js';
import { failedMasters, planElection, tallyElection, type AgentView } from './election-plan.js';

const TIMEOUT = 1_000;
const NOW = 1_700_000_000_000;
const UP = { masterLinkUp: true, masterLinkDownSinceMs: 0 };

/** The view of `me` (d or e, replicas of the FAIL master c; f replicates b). */
function replicaView(
  me: 'd' | 'e' | 'f',
  options: Partial<ClusterOptions> = {},
  cFlags = 'master,fail',
  offsets: Partial<Record<'d' | 'e' | 'f', bigint>> = {},
): ClusterState {
  const flag = (name: string) => (name === me ? 'myself,slave' : 'slave');
  const state = stateOf(
    [
      `${id('a')} 127.0.0.1:7000@17000 master - 0 0 1 connected 0-5000`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 5001-10000`,
      `${id('c')} 127.0.0.1:7002@17002 ${cFlags} - 0 0 3 connected 10001-16383`,
      `${id('d')} 127.0.0.1:7003@17003 ${flag('d')} ${id('c')} 0 0 3 connected`,
      `${id('e')} 127.0.0.1:7004@17004 ${flag('e')} ${id('c')} 0 0 3 connected`,
      `${id('f')} 127.0.0.1:7005@17005 ${flag('f')} ${id('b')} 0 0 2 connected`,
    ],
    { nodeTimeout: TIMEOUT, ...options },
    4n,
  );
  const withOffsets = {
    ...state,
    nodes: new Map(
      [...state.nodes].map(([nodeId, node]) => {
        const letter = nodeId[0] as 'd' | 'e' | 'f';
        const offset = offsets[letter];
        return [nodeId, offset === undefined ? node : { ...node, replicationOffset: offset }];
      }),
    ),
  };
  return setMyReplicationOffset(withOffsets, offsets[me] ?? 0n, fakeEnv()).state;
}

describe('failover eligibility', () => {
  it('lets a replica of a FAIL master with slots fail over', () => {
    expect(failoverEligibility(replicaView('d'), UP, NOW)).toEqual({
      eligible: true,
      masterId: id('c'),
      dataAgeMs: 0,
    });
  });

  it('refuses a master, a replica whose master is up, and a nofailover replica', () => {
    const master = stateOf([`${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`]);
    expect(failoverEligibility(master, UP, NOW)).toMatchObject({ eligible: false, reason: 'not-replica' });
    expect(failoverEligibility(replicaView('d', {}, 'master'), UP, NOW)).toMatchObject({
      eligible: false,
      reason: 'master-not-failed',
    });
    expect(failoverEligibility(replicaView('d', { replicaNoFailover: true }), UP, NOW)).toMatchObject({
      eligible: false,
      reason: 'nofailover',
    });
  });

  it('lets a manual failover go on with the master up and nofailover set (as Redis)', () => {
    const state = replicaView('d', { replicaNoFailover: true }, 'master');
    expect(failoverEligibility(state, UP, NOW, true)).toMatchObject({ eligible: true });
  });

  it('refuses a replica whose link has been down for longer than the validity limit', () => {
    // limit = repl-ping period 10 s + node-timeout 1 s x factor 10 = 20 s; data age = down time - node-timeout.
    const justFine = { masterLinkUp: false, masterLinkDownSinceMs: NOW - 21_000 };
    const tooOld = { masterLinkUp: false, masterLinkDownSinceMs: NOW - 21_001 };
    expect(failoverEligibility(replicaView('d'), justFine, NOW)).toMatchObject({
      eligible: true,
      dataAgeMs: 20_000,
    });
    expect(failoverEligibility(replicaView('d'), tooOld, NOW)).toMatchObject({
      eligible: false,
      reason: 'data-age',
    });
    // cluster-replica-validity-factor 0: always try.
    expect(failoverEligibility(replicaView('d', { replicaValidityFactor: 0 }), tooOld, NOW)).toMatchObject({
      eligible: true,
    });
    // A manual failover skips the check.
    expect(failoverEligibility(replicaView('d'), tooOld, NOW, true)).toMatchObject({ eligible: true });
  });

  it('computes the data age as Redis does: 0 while the link is up or its loss is unknown', () => {
    expect(dataAge(UP, NOW, TIMEOUT)).toBe(0);
    expect(dataAge({ masterLinkUp: false, masterLinkDownSinceMs: 0 }, NOW, TIMEOUT)).toBe(0);
    expect(dataAge({ masterLinkUp: false, masterLinkDownSinceMs: NOW - 500 }, NOW, TIMEOUT)).toBe(500);
    expect(dataAge({ masterLinkUp: false, masterLinkDownSinceMs: NOW - 3000 }, NOW, TIMEOUT)).toBe(2000);
  });
});

describe('ranking and timing', () => {
  it('ranks a replica by the siblings with a larger offset, ignoring nofailover ones and ties', () => {
    const state = replicaView('d', {}, 'master,fail', { d: 100n, e: 200n });
    expect(replicaRank(state, id('d'))).toBe(1);
    expect(replicaRank(state, id('e'))).toBe(0);
    const tie = replicaView('d', {}, 'master,fail', { d: 200n, e: 200n });
    expect(replicaRank(tie, id('d'))).toBe(0);
    const nofailover = {
      ...state,
      nodes: new Map(
        [...state.nodes].map(([k, n]) => [
          k,
          k === id('e') ? { ...n, flags: [...n.flags, 'nofailover' as const] } : n,
        ]),
      ),
    };
    expect(replicaRank(nofailover, id('d'))).toBe(0);
  });

  it('waits 500 ms + random(0..499) + rank x 1000 ms, nothing for a manual failover', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 100; i++) {
      const rank0 = electionDelayMs(0, random);
      expect(rank0).toBeGreaterThanOrEqual(500);
      expect(rank0).toBeLessThan(1000);
      const rank2 = electionDelayMs(2, random);
      expect(rank2).toBeGreaterThanOrEqual(2500);
      expect(rank2).toBeLessThan(3000);
    }
    expect(electionDelayMs(3, random, true)).toBe(0);
    expect(electionTimeoutMs(500)).toBe(2000);
    expect(electionTimeoutMs(15_000)).toBe(30_000);
    expect(votesNeeded(3)).toBe(2);
    expect(votesNeeded(4)).toBe(3);
  });
});

describe("the coordinator's election plan", () => {
  const views = (offsets: Partial<Record<'d' | 'e' | 'f', bigint>>, options: Partial<ClusterOptions> = {}) =>
    (['d', 'e', 'f'] as const).map((me): AgentView => ({
      state: replicaView(me, options, 'master,fail', offsets),
      link: UP,
      dataNodeAlive: true,
    }));

  it('finds the failed master and elects its replica with the larger offset, in a new epoch', () => {
    const all = views({ d: 100n, e: 250n });
    expect(failedMasters(all)).toEqual([id('c')]);
    const plan = planElection(all, id('c'), NOW, new SeededRandom(1));
    expect(plan).toMatchObject({
      kind: 'elect',
      candidateId: id('e'),
      rank: 0,
      epoch: 5n,
      size: 3,
      needed: 2,
      claim: { configEpoch: 3n },
    });
    if (plan.kind !== 'elect') return;
    expect(plan.voters.map((v) => v.id)).toEqual([id('a'), id('b')]);
    expect(plan.delayMs).toBeGreaterThanOrEqual(500);
    expect(eventsOf(plan.effects).map((e) => e.type)).toEqual(['failover-started']);
  });

  it('breaks an offset tie by the smaller node id', () => {
    const plan = planElection(views({ d: 7n, e: 7n }), id('c'), NOW, new SeededRandom(1));
    expect(plan).toMatchObject({ kind: 'elect', candidateId: id('d') });
  });

  it('skips a replica without a data-node or with data too old, and plans nothing when none is left', () => {
    const all = views({ d: 100n, e: 250n });
    const noDataNode = all.map((v) => (v.state.myselfId === id('e') ? { ...v, dataNodeAlive: false } : v));
    expect(planElection(noDataNode, id('c'), NOW, new SeededRandom(1))).toMatchObject({
      candidateId: id('d'),
      rank: 1,
    });
    const old = { masterLinkUp: false, masterLinkDownSinceMs: NOW - 60_000 };
    const allOld = all.map((v) => ({ ...v, link: old }));
    const none = planElection(allOld, id('c'), NOW, new SeededRandom(1));
    expect(none).toMatchObject({ kind: 'none', reason: 'no-eligible-replica' });
    expect(none.candidates.map((c) => c.reason)).toEqual(['data-age', 'data-age']);
  });

  it('plans nothing for nofailover replicas', () => {
    const plan = planElection(views({}, { replicaNoFailover: true }), id('c'), NOW, new SeededRandom(1));
    expect(plan).toMatchObject({ kind: 'none', reason: 'no-eligible-replica' });
  });

  it('tallies a majority as won and a minority as lost with a failover-lost event', () => {
    const plan = planElection(views({}), id('c'), NOW, new SeededRandom(1));
    if (plan.kind !== 'elect') throw new Error('expected a plan');
    const won = tallyElection(plan, [
      { voterId: id('a'), granted: true },
      { voterId: id('b'), granted: true },
    ]);
    expect(won).toMatchObject({ won: true, votes: 2 });
    expect(eventsOf(won.effects).map((e) => e.type)).toEqual(['vote-granted', 'vote-granted']);
    const lost = tallyElection(plan, [
      { voterId: id('a'), granted: true },
      { voterId: id('b'), granted: false, reason: 'already-voted' },
    ]);
    expect(lost).toMatchObject({ won: false, votes: 1 });
    expect(eventsOf(lost.effects).map((e) => e.type)).toEqual(['vote-granted', 'failover-lost']);
  });
});
