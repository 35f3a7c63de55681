// The failover-coordinator's policy, pure: from the views the agents report (each agent's own ClusterState,
// plus its data-node's link facts), which masters are failed and not replaced yet, which replica to elect
// (eligible per failoverEligibility, the largest replication offset, then the smallest node id), its rank and
// election delay, the election epoch (the largest epoch any agent knows, plus one), who votes (the masters
// serving slots in the candidate's view, except the failed one) and how many votes win (size / 2 + 1, size
// counting the failed master, as Redis's quorum does). Then the tally of the answers. The coordinator is the
// mechanism: it polls, waits, sends the RequestVote and TakeOver calls and performs the effects (logs, events).
// Pure: no I/O.
import { isFailed, isMaster, isReplica, type ClusterNode } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Effect } from '../model/effects.js';
import type { RandomSource } from '../model/env.js';
import { hasFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';
import {
  electionDelayMs,
  failoverEligibility,
  votesNeeded,
  type FailoverIneligibility,
  type ReplicaLinkFacts,
} from './eligibility.js';

/** What one agent reports (failover.proto GetFailoverView). */
export interface AgentView {
  /** The agent's own cluster state (its TopologySnapshot). */
  readonly state: ClusterState;
  /** Its data-node's link to its master. */
  readonly link: ReplicaLinkFacts;
  /** Whether its data-node is attached and alive (a node without one serves nothing). */
  readonly dataNodeAlive: boolean;
}

/** A replica considered for election, with what its own agent reports. */
export interface CandidateInfo {
  readonly id: NodeId;
  readonly offset: bigint;
  readonly eligible: boolean;
  /** Why not eligible (absent when eligible). */
  readonly reason?: FailoverIneligibility | 'no-data-node';
}

/** The claim a candidate makes: its master's slots and configEpoch, as the candidate knows them. */
export interface Claim {
  readonly configEpoch: bigint;
  readonly slots: Uint8Array;
}

export type ElectionPlan =
  | {
      readonly kind: 'elect';
      readonly failedMasterId: NodeId;
      readonly candidateId: NodeId;
      readonly rank: number;
      /** Wait this long before asking for votes. */
      readonly delayMs: number;
      readonly epoch: bigint;
      readonly claim: Claim;
      /** The masters to ask, with the address the candidate knows them at. */
      readonly voters: readonly { readonly id: NodeId; readonly ip: string; readonly busPort: number }[];
      /** Masters serving slots in the candidate's view, the failed one included. */
      readonly size: number;
      readonly needed: number;
      readonly candidates: readonly CandidateInfo[];
      readonly effects: readonly Effect[];
    }
  | {
      readonly kind: 'none';
      readonly failedMasterId: NodeId;
      /** `no-replica`, `no-eligible-replica`, `replaced`. */
      readonly reason: string;
      readonly candidates: readonly CandidateInfo[];
      readonly effects: readonly Effect[];
    };

/**
 * Masters that serve slots and are FAIL in at least one view, and that no view shows replaced (a node that
 * took their slots: they serve none there). Sorted by id, so every coordinator handles them in the same order.
 */
export function failedMasters(views: readonly AgentView[]): NodeId[] {
  const failed = new Set<NodeId>();
  const replaced = new Set<NodeId>();
  for (const { state } of views) {
    for (const node of state.nodes.values()) {
      if (!isMaster(node)) continue;
      if (isFailed(node) && node.slotCount > 0) failed.add(node.id);
      if (node.slotCount === 0 && node.configEpoch > 0n) replaced.add(node.id);
    }
  }
  return [...failed].filter((id) => !replaced.has(id)).sort();
}

/** The largest epoch any view knows (currentEpoch or any configEpoch). */
export function maxEpochSeen(views: readonly AgentView[]): bigint {
  let max = 0n;
  for (const { state } of views) {
    if (state.currentEpoch > max) max = state.currentEpoch;
    for (const node of state.nodes.values()) if (node.configEpoch > max) max = node.configEpoch;
  }
  return max;
}

/** What to do about `failedMasterId`: whom to elect, when, in which epoch, asking whom. */
export function planElection(
  views: readonly AgentView[],
  failedMasterId: NodeId,
  now: number,
  random: RandomSource,
): ElectionPlan {
  const effects: Effect[] = [];
  const replicas = views.filter(({ state }) => {
    const me = state.nodes.get(state.myselfId) as ClusterNode;
    return isReplica(me) && me.masterId === failedMasterId;
  });
  const candidates: CandidateInfo[] = replicas.map((view) => {
    const me = view.state.nodes.get(view.state.myselfId) as ClusterNode;
    const base = { id: me.id, offset: me.replicationOffset };
    if (!view.dataNodeAlive) return { ...base, eligible: false, reason: 'no-data-node' as const };
    const eligibility = failoverEligibility(view.state, view.link, now);
    return eligibility.eligible
      ? { ...base, eligible: true }
      : { ...base, eligible: false, reason: eligibility.reason };
  });
  const none = (reason: string): ElectionPlan => {
    effects.push({
      kind: 'log',
      level: 'info',
      message: 'no failover for this master',
      fields: {
        failedMasterId,
        reason,
        candidates: candidates.map((c) => `${c.id}:${c.reason ?? 'eligible'}`).join(','),
      },
    });
    return { kind: 'none', failedMasterId, reason, candidates, effects };
  };
  if (replicas.length === 0) return none('no-replica');
  const eligible = candidates.filter((c) => c.eligible);
  const best = eligible.sort((a, b) =>
    a.offset === b.offset ? (a.id < b.id ? -1 : 1) : a.offset > b.offset ? -1 : 1,
  )[0];
  if (best === undefined) return none('no-eligible-replica');

  const view = replicas.find(({ state }) => state.myselfId === best.id) as AgentView;
  const state = view.state;
  const master = state.nodes.get(failedMasterId) as ClusterNode;
  if (master.slotCount === 0) return none('replaced');
  const rank = candidates.filter(
    (c) => c.id !== best.id && c.offset > best.offset && !nofailover(state, c.id),
  ).length;
  const voters: { id: NodeId; ip: string; busPort: number }[] = [];
  let size = 0;
  for (const node of state.nodes.values()) {
    if (!isMaster(node) || node.slotCount === 0) continue;
    size++;
    if (node.id !== failedMasterId) voters.push({ id: node.id, ip: node.ip, busPort: node.busPort });
  }
  const epoch = maxEpochSeen(views) + 1n;
  const delayMs = electionDelayMs(rank, random);
  effects.push({
    kind: 'event',
    event: {
      type: 'failover-started',
      nodeId: best.id,
      detail: { failedMasterId, epoch: epoch.toString(), rank, offset: best.offset.toString(), delayMs },
    },
  });
  effects.push({
    kind: 'log',
    level: 'info',
    message: 'failover planned',
    fields: {
      failedMasterId,
      candidateId: best.id,
      rank,
      offset: best.offset.toString(),
      epoch: epoch.toString(),
      delayMs,
      voters: voters.length,
      needed: votesNeeded(size),
    },
  });
  return {
    kind: 'elect',
    failedMasterId,
    candidateId: best.id,
    rank,
    delayMs,
    epoch,
    claim: { configEpoch: master.configEpoch, slots: new Uint8Array(master.slots) },
    voters,
    size,
    needed: votesNeeded(size),
    candidates,
    effects,
  };
}

/** The answer of one voter. */
export interface Ballot {
  readonly voterId: NodeId;
  readonly granted: boolean;
  /** The denial code, or `unreachable`, when not granted. */
  readonly reason?: string;
}

/** Whether the ballots of `plan` make a majority, with the events to report. */
export function tallyElection(
  plan: Extract<ElectionPlan, { kind: 'elect' }>,
  ballots: readonly Ballot[],
): { readonly won: boolean; readonly votes: number; readonly effects: readonly Effect[] } {
  const effects: Effect[] = [];
  let votes = 0;
  for (const ballot of ballots) {
    if (!ballot.granted) continue;
    votes++;
    effects.push({
      kind: 'event',
      event: {
        type: 'vote-granted',
        nodeId: plan.candidateId,
        detail: {
          voterId: ballot.voterId,
          epoch: plan.epoch.toString(),
          failedMasterId: plan.failedMasterId,
        },
      },
    });
  }
  const won = votes >= plan.needed;
  if (!won) {
    effects.push({
      kind: 'event',
      event: {
        type: 'failover-lost',
        nodeId: plan.candidateId,
        detail: {
          failedMasterId: plan.failedMasterId,
          epoch: plan.epoch.toString(),
          votes,
          needed: plan.needed,
          denials: ballots
            .filter((b) => !b.granted)
            .map((b) => `${b.voterId.slice(0, 8)}:${b.reason ?? 'denied'}`)
            .join(','),
        },
      },
    });
  }
  effects.push({
    kind: 'log',
    level: won ? 'info' : 'warn',
    message: won ? 'election won: majority of votes' : 'election lost: no majority',
    fields: {
      failedMasterId: plan.failedMasterId,
      candidateId: plan.candidateId,
      epoch: plan.epoch.toString(),
      votes,
      needed: plan.needed,
    },
  });
  return { won, votes, effects };
}

function nofailover(state: ClusterState, id: NodeId): boolean {
  const node = state.nodes.get(id);
  return node !== undefined && hasFlag(node.flags, 'nofailover');
}
