// Whether a replica may be failed over to, and in what order (redis cluster_legacy.c
// `clusterHandleSlaveFailover` preconditions, `clusterGetSlaveRank`, the election delay and timeouts):
// - myself is a replica of a known master that serves slots and is FAIL (a manual failover skips FAIL);
// - cluster-replica-no-failover is off (a manual failover ignores it, as in Redis);
// - the data is recent enough: data age (how long the link to the master has been down, minus node-timeout,
//   the time it takes to notice a failure) at most repl-ping-replica-period + node-timeout x
//   cluster-replica-validity-factor (0: no limit; skipped for a manual failover);
// - rank: how many sibling replicas that may fail over have a larger replication offset; the election waits
//   500 ms + random(0..499) ms + rank x 1000 ms so that FAIL reaches every master and the best replica goes first.
// Pure: no I/O; the data-node's link facts come in as arguments.
import { isFailed, isReplica, type ClusterNode } from '../model/cluster-node.js';
import { REPL_PING_REPLICA_PERIOD_MS, replicaValidityFactorOf } from '../model/cluster-options.js';
import { replicasOf, type ClusterState } from '../model/cluster-state.js';
import { randomBelow, type RandomSource } from '../model/env.js';
import { hasFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';

/** Fixed part of the election delay (redis: 500 ms). */
export const ELECTION_FIXED_DELAY_MS = 500;
/** Random part of the election delay: 0..499 ms. */
export const ELECTION_RANDOM_DELAY_MS = 500;
/** Extra delay per rank (redis: rank * 1000 ms). */
export const ELECTION_RANK_DELAY_MS = 1000;
/** Shortest election timeout (redis: max(node_timeout * 2, 2000)). */
export const MIN_ELECTION_TIMEOUT_MS = 2000;
/** Manual failover timeout (redis CLUSTER_MF_TIMEOUT). */
export const MANUAL_FAILOVER_TIMEOUT_MS = 5000;
/** The master's client pause lasts this many manual-failover timeouts (redis CLUSTER_MF_PAUSE_MULT). */
export const MANUAL_FAILOVER_PAUSE_MULT = 2;

/** What the data-node says about its link to its master (attach.proto DataNodeHeartbeat). */
export interface ReplicaLinkFacts {
  /** INFO master_link_status:up. */
  readonly masterLinkUp: boolean;
  /** Since when the link is down (ms since the Unix epoch); 0 when up or not known. */
  readonly masterLinkDownSinceMs: number;
}

/** Why a replica may not fail over: stable codes (redis CLUSTER_CANT_FAILOVER_*). */
export const FAILOVER_INELIGIBILITY = {
  /** Myself is a master. */
  notReplica: 'not-replica',
  /** Myself replicates no known master. */
  masterUnknown: 'master-unknown',
  /** The master serves no slot: nothing to take over. */
  masterWithoutSlots: 'master-without-slots',
  /** The master is not FAIL (automatic failover only). */
  masterNotFailed: 'master-not-failed',
  /** cluster-replica-no-failover is set (automatic failover only). */
  noFailover: 'nofailover',
  /** The link to the master has been down for too long (automatic failover only). */
  dataAge: 'data-age',
} as const;

export type FailoverIneligibility = (typeof FAILOVER_INELIGIBILITY)[keyof typeof FAILOVER_INELIGIBILITY];

export type Eligibility =
  | { readonly eligible: true; readonly masterId: NodeId; readonly dataAgeMs: number }
  | { readonly eligible: false; readonly reason: FailoverIneligibility; readonly detail: string };

/** Whether myself (per `state`, with its data-node's `link` facts at `now`) may be promoted. */
export function failoverEligibility(
  state: ClusterState,
  link: ReplicaLinkFacts,
  now: number,
  manual = false,
): Eligibility {
  const me = state.nodes.get(state.myselfId) as ClusterNode;
  const no = (reason: FailoverIneligibility, detail: string): Eligibility => ({
    eligible: false,
    reason,
    detail,
  });
  if (!isReplica(me)) return no(FAILOVER_INELIGIBILITY.notReplica, 'I am not a replica');
  const master = me.masterId === null ? undefined : state.nodes.get(me.masterId);
  if (master === undefined) return no(FAILOVER_INELIGIBILITY.masterUnknown, 'my master is unknown');
  if (master.slotCount === 0)
    return no(FAILOVER_INELIGIBILITY.masterWithoutSlots, 'my master serves no slot');
  const dataAgeMs = dataAge(link, now, state.options.nodeTimeout);
  if (manual) return { eligible: true, masterId: master.id, dataAgeMs };
  if (!isFailed(master)) return no(FAILOVER_INELIGIBILITY.masterNotFailed, 'my master is not FAIL');
  if (state.options.replicaNoFailover || hasFlag(me.flags, 'nofailover')) {
    return no(FAILOVER_INELIGIBILITY.noFailover, 'cluster-replica-no-failover is set');
  }
  const factor = replicaValidityFactorOf(state.options);
  const limit = REPL_PING_REPLICA_PERIOD_MS + state.options.nodeTimeout * factor;
  if (factor !== 0 && dataAgeMs > limit) {
    return no(
      FAILOVER_INELIGIBILITY.dataAge,
      `data age ${dataAgeMs} ms is above ${limit} ms (cluster-replica-validity-factor ${factor})`,
    );
  }
  return { eligible: true, masterId: master.id, dataAgeMs };
}

/**
 * Data age as Redis computes it: how long the link to the master has been down (0 while up or unknown),
 * minus node-timeout (the time it takes to notice the master failing is the baseline).
 */
export function dataAge(link: ReplicaLinkFacts, now: number, nodeTimeout: number): number {
  if (link.masterLinkUp || link.masterLinkDownSinceMs <= 0) return 0;
  const age = Math.max(0, now - link.masterLinkDownSinceMs);
  return age > nodeTimeout ? age - nodeTimeout : age;
}

/**
 * The rank of `replicaId` among the replicas of its master in `state` (redis clusterGetSlaveRank): the
 * number of siblings, not flagged nofailover, with a larger replication offset. `offsetOf` overrides the
 * offsets the state holds (a coordinator passes what each replica's own agent reports).
 */
export function replicaRank(
  state: ClusterState,
  replicaId: NodeId,
  offsetOf: (node: ClusterNode) => bigint = (node) => node.replicationOffset,
): number {
  const replica = state.nodes.get(replicaId);
  const master =
    replica?.masterId === null || replica === undefined ? undefined : state.nodes.get(replica.masterId);
  if (replica === undefined || master === undefined) return 0;
  const mine = offsetOf(replica);
  let rank = 0;
  for (const sibling of replicasOf(state, master)) {
    if (sibling.id === replicaId || hasFlag(sibling.flags, 'nofailover')) continue;
    if (offsetOf(sibling) > mine) rank++;
  }
  return rank;
}

/** The wait before an election: 500 ms + random(0..499) ms + rank x 1000 ms (0 for a manual failover). */
export function electionDelayMs(rank: number, random: RandomSource, manual = false): number {
  if (manual) return 0;
  return (
    ELECTION_FIXED_DELAY_MS + randomBelow(random, ELECTION_RANDOM_DELAY_MS) + rank * ELECTION_RANK_DELAY_MS
  );
}

/** How long an election waits for votes: max(node-timeout x 2, 2000) ms. */
export function electionTimeoutMs(nodeTimeout: number): number {
  return Math.max(nodeTimeout * 2, MIN_ELECTION_TIMEOUT_MS);
}

/** Votes needed to win: a majority of the masters serving slots (size / 2 + 1). */
export function votesNeeded(size: number): number {
  return Math.floor(size / 2) + 1;
}
