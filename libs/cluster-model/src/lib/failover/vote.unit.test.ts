// Redis's vote-granting rules (clusterSendFailoverAuthIfNeeded) one by one on hand-made states, plus the two
// additions for several coordinators: the same vote is granted again, and the per-master interval does not
// refuse the replica that vote went to.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, slotsOf, stateOf } from '../../testing/fixtures.js';
import { effectsOf, eventsOf } from '../model/effects.js';
import type { ClusterState } from '../model/cluster-state.js';
import { formatNodesConf } from '../codec/nodes-conf.js';
import { grantFailoverVote, type VoteRequest } from './vote.js';

const TIMEOUT = 1_000;

// a (myself) and b are masters; c is FAIL with replicas d and e; f is a replica of the healthy b.
function view(myselfFlags = 'myself,master', cFlags = 'master,fail'): ClusterState {
  return stateOf(
    [
      `${id('a')} 127.0.0.1:7000@17000 ${myselfFlags} - 0 0 1 connected 0-5000`,
      `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 5001-10000`,
      `${id('c')} 127.0.0.1:7002@17002 ${cFlags} - 0 0 3 connected 10001-16383`,
      `${id('d')} 127.0.0.1:7003@17003 slave ${id('c')} 0 0 3 connected`,
      `${id('e')} 127.0.0.1:7004@17004 slave ${id('c')} 0 0 3 connected`,
      `${id('f')} 127.0.0.1:7005@17005 slave ${id('b')} 0 0 2 connected`,
    ],
    { nodeTimeout: TIMEOUT },
    5n,
  );
}

function request(overrides: Partial<VoteRequest> = {}): VoteRequest {
  return {
    candidateId: id('d'),
    epoch: 6n,
    claimConfigEpoch: 3n,
    claimedSlots: slotsOf([10001, 16383]),
    forceAck: false,
    ...overrides,
  };
}

describe('a master votes for a replica of a failed master', () => {
  it('grants, records lastVoteEpoch and the vote, and asks for an fsynced save before the vote is sent', () => {
    const env = fakeEnv();
    const outcome = grantFailoverVote(view(), request(), env);
    expect(outcome.granted).toBe(true);
    expect(outcome.state.currentEpoch).toBe(6n);
    expect(outcome.state.lastVoteEpoch).toBe(6n);
    expect(outcome.state.failoverVotes.get(id('c'))).toEqual({
      at: env.clock.now(),
      candidateId: id('d'),
      epoch: 6n,
    });
    expect(effectsOf(outcome.effects, 'save-config')).toEqual([{ kind: 'save-config', fsync: true }]);
    expect(eventsOf(outcome.effects).map((e) => e.type)).toEqual(['vote-granted']);
    // What is saved: nodes.conf carries the vote epoch.
    expect(formatNodesConf(outcome.state)).toMatch(/vars currentEpoch 6 lastVoteEpoch 6\n$/);
  });

  it('refuses when myself is a replica', () => {
    const state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,slave ${id('b')} 0 0 2 connected`,
        `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected 0-10000`,
        `${id('c')} 127.0.0.1:7002@17002 master,fail - 0 0 3 connected 10001-16383`,
        `${id('d')} 127.0.0.1:7003@17003 slave ${id('c')} 0 0 3 connected`,
      ],
      { nodeTimeout: TIMEOUT },
      5n,
    );
    const outcome = grantFailoverVote(state, request(), fakeEnv());
    expect(outcome).toMatchObject({ granted: false, denial: 'not-a-voter' });
  });

  it('refuses when myself is a master without slots', () => {
    const state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected`,
        `${id('c')} 127.0.0.1:7002@17002 master,fail - 0 0 3 connected 0-16383`,
        `${id('d')} 127.0.0.1:7003@17003 slave ${id('c')} 0 0 3 connected`,
      ],
      { nodeTimeout: TIMEOUT },
    );
    expect(grantFailoverVote(state, request(), fakeEnv())).toMatchObject({
      granted: false,
      denial: 'not-a-voter',
    });
  });

  it('refuses an epoch older than its currentEpoch', () => {
    const outcome = grantFailoverVote(view(), request({ epoch: 4n }), fakeEnv());
    expect(outcome).toMatchObject({ granted: false, denial: 'stale-epoch' });
    expect(outcome.state.currentEpoch).toBe(5n);
    expect(outcome.state.lastVoteEpoch).toBe(0n);
  });

  it('votes once per epoch: a second candidate in the same epoch is refused', () => {
    const env = fakeEnv();
    const first = grantFailoverVote(view(), request(), env);
    const second = grantFailoverVote(first.state, request({ candidateId: id('e') }), env);
    expect(second).toMatchObject({ granted: false, denial: 'already-voted' });
    expect(second.state.failoverVotes.get(id('c'))?.candidateId).toBe(id('d'));
  });

  it('grants the same vote again to a second coordinator asking for the same candidate in the same epoch', () => {
    const env = fakeEnv();
    const first = grantFailoverVote(view(), request(), env);
    env.clock.advance(10);
    const again = grantFailoverVote(first.state, request(), env);
    expect(again).toMatchObject({ granted: true, repeated: true, masterId: id('c') });
    expect(again.state.failoverVotes.get(id('c'))?.at).toBe(first.state.failoverVotes.get(id('c'))?.at);
    expect(effectsOf(again.effects, 'save-config')).toEqual([]);
  });

  it('refuses a candidate that is a master, or whose master it does not know', () => {
    expect(grantFailoverVote(view(), request({ candidateId: id('b') }), fakeEnv())).toMatchObject({
      granted: false,
      denial: 'candidate-is-master',
    });
    const state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`,
        `${id('d')} 127.0.0.1:7003@17003 slave - 0 0 0 connected`,
      ],
      { nodeTimeout: TIMEOUT },
    );
    expect(grantFailoverVote(state, request({ epoch: 1n }), fakeEnv())).toMatchObject({
      granted: false,
      denial: 'master-unknown',
    });
  });

  it('refuses an unknown candidate without touching its epochs', () => {
    const outcome = grantFailoverVote(view(), request({ candidateId: id('9') }), fakeEnv());
    expect(outcome).toMatchObject({ granted: false, denial: 'candidate-unknown' });
    expect(outcome.state.currentEpoch).toBe(5n);
  });

  it('refuses while the master is up, unless the request forces the ack (manual failover)', () => {
    const up = view('myself,master', 'master');
    expect(grantFailoverVote(up, request(), fakeEnv())).toMatchObject({
      granted: false,
      denial: 'master-up',
    });
    expect(grantFailoverVote(up, request({ forceAck: true }), fakeEnv())).toMatchObject({ granted: true });
  });

  it('refuses when the request names another master than the candidate replicates in my view', () => {
    expect(grantFailoverVote(view(), request({ failedMasterId: id('b') }), fakeEnv())).toMatchObject({
      granted: false,
      denial: 'master-mismatch',
    });
  });

  it('does not vote for another replica of the same master within 2 x node-timeout, and does after', () => {
    const env = fakeEnv();
    const first = grantFailoverVote(view(), request(), env);
    env.clock.advance(2 * TIMEOUT - 1);
    const early = grantFailoverVote(first.state, request({ candidateId: id('e'), epoch: 7n }), env);
    expect(early).toMatchObject({ granted: false, denial: 'voted-recently' });
    env.clock.advance(1);
    const later = grantFailoverVote(early.state, request({ candidateId: id('e'), epoch: 8n }), env);
    expect(later).toMatchObject({ granted: true, repeated: false });
    expect(later.state.lastVoteEpoch).toBe(8n);
  });

  it('votes again for the same replica in a newer epoch within the interval (a retried election)', () => {
    const env = fakeEnv();
    const first = grantFailoverVote(view(), request(), env);
    env.clock.advance(100);
    const retry = grantFailoverVote(first.state, request({ epoch: 7n }), env);
    expect(retry).toMatchObject({ granted: true, repeated: false });
  });

  it('refuses a claim whose configEpoch is older than the current owner of a claimed slot', () => {
    // c serves 10001-16383 under configEpoch 3: a claim made under 2 is stale.
    const outcome = grantFailoverVote(view(), request({ claimConfigEpoch: 2n }), fakeEnv());
    expect(outcome).toMatchObject({ granted: false, denial: 'stale-claim' });
    expect(outcome.granted ? '' : outcome.detail).toBe('slot 10001 epoch (3) > reqEpoch (2)');
    // Equal or older owners are fine (b serves 5001 under 2).
    const claim = request({ claimConfigEpoch: 3n, claimedSlots: slotsOf([5001, 5001], [10001, 16383]) });
    expect(grantFailoverVote(view(), claim, fakeEnv())).toMatchObject({ granted: true });
  });
});
