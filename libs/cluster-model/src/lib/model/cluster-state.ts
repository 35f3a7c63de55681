// The whole cluster configuration as one node sees it (redis `clusterState`): myself, the known nodes, the
// slot -> owner table, epochs, myself's migrating/importing slots, cluster_state, and the FORGET blacklist.
// Values are immutable; transitions build new states (see state-draft.ts). Read helpers live here.
// Pure: no I/O.
import { SLOT_COUNT } from '@tessera/slot';
import type { ClusterOptions } from './cluster-options.js';
import { isMaster, isReplica, type ClusterNode } from './cluster-node.js';
import type { NodeId } from './node-id.js';

/** `cluster_state` of CLUSTER INFO. */
export const CLUSTER_HEALTH = {
  /** All slots covered by reachable masters and this node sees a majority of them. */
  ok: 'ok',
  /** Otherwise: data-nodes answer CLUSTERDOWN. */
  fail: 'fail',
} as const;

export type ClusterHealth = (typeof CLUSTER_HEALTH)[keyof typeof CLUSTER_HEALTH];

/**
 * The vote this node (a master) gave for a replica of a failed master (redis clusterNode.voted_time, plus who
 * and in which epoch, so a repeated request for the same vote gets the same answer).
 */
export interface FailoverVote {
  /** When the vote was granted (ms). */
  readonly at: number;
  /** The replica voted for. */
  readonly candidateId: NodeId;
  /** The epoch of the election. */
  readonly epoch: bigint;
}

export interface ClusterState {
  /** Configuration the policy reads. */
  readonly options: ClusterOptions;
  /** Id of the node this state belongs to. */
  readonly myselfId: NodeId;
  /** Every known node, myself and handshake nodes included, in insertion order (the CLUSTER NODES order). */
  readonly nodes: ReadonlyMap<NodeId, ClusterNode>;
  /** Owner of each of the 16384 slots, or `null`; always consistent with the nodes' bitmaps. */
  readonly slotOwners: readonly (NodeId | null)[];
  /** The cluster's logical clock: the largest epoch seen. */
  readonly currentEpoch: bigint;
  /** Epoch of this node's last failover vote (persisted in nodes.conf). */
  readonly lastVoteEpoch: bigint;
  /**
   * Votes this node granted, by the failed master they were about (Redis keeps `voted_time` on the master's
   * node). Not in nodes.conf (Redis does not persist voted_time either): after a restart only lastVoteEpoch
   * guards against a second vote in the same epoch.
   */
  readonly failoverVotes: ReadonlyMap<NodeId, FailoverVote>;
  /**
   * Replica-migration bookkeeping (redis CLUSTER_NODE_MIGRATE_TO and clusterNode.orphaned_time): the masters
   * that had replicas (or were promoted from one), and since when each master with slots has had no working
   * replica. Optional: absent means empty. Not persisted (Redis does not persist them either).
   */
  readonly replicaMigration?: {
    readonly migrateTo: ReadonlySet<NodeId>;
    readonly orphanedSince: ReadonlyMap<NodeId, number>;
  };
  /** Slots myself is migrating, and to whom (CLUSTER SETSLOT MIGRATING). */
  readonly migratingTo: ReadonlyMap<number, NodeId>;
  /** Slots myself is importing, and from whom (CLUSTER SETSLOT IMPORTING). */
  readonly importingFrom: ReadonlyMap<number, NodeId>;
  /** `cluster_state`, as last computed by updateClusterState. */
  readonly health: ClusterHealth;
  /** `cluster_size`: masters serving at least one slot, as last computed by updateClusterState. */
  readonly size: number;
  /** Forgotten node ids and when (ms) they may be added again. */
  readonly blacklist: ReadonlyMap<NodeId, number>;
  /** Last time (ms) the state evaluation found this node in a minority partition; 0 if never. */
  readonly minoritySince: number;
  /** Time (ms) of the first state evaluation, which starts the writable delay; 0 before it. */
  readonly firstEvaluationAt: number;
}

/** Myself's node. */
export function myself(state: ClusterState): ClusterNode {
  return state.nodes.get(state.myselfId) as ClusterNode;
}

/** The node with `id`, if known. */
export function nodeById(state: ClusterState, id: NodeId): ClusterNode | undefined {
  return state.nodes.get(id);
}

/** The master of a replica, if known. */
export function masterOf(state: ClusterState, node: ClusterNode): ClusterNode | undefined {
  return node.masterId === null ? undefined : state.nodes.get(node.masterId);
}

/** A master itself, or a replica's master; `undefined` for a replica of an unknown master. */
export function shardLeader(state: ClusterState, node: ClusterNode): ClusterNode | undefined {
  return isMaster(node) ? node : masterOf(state, node);
}

/** Known replicas of `master`, in node order. */
export function replicasOf(state: ClusterState, master: ClusterNode): ClusterNode[] {
  const replicas: ClusterNode[] = [];
  for (const node of state.nodes.values()) {
    if (isReplica(node) && node.masterId === master.id) replicas.push(node);
  }
  return replicas;
}

/** The configEpoch CLUSTER NODES and CLUSTER INFO show for a node: a replica shows its master's. */
export function effectiveConfigEpoch(state: ClusterState, node: ClusterNode): bigint {
  if (isReplica(node)) {
    const master = masterOf(state, node);
    if (master) return master.configEpoch;
  }
  return node.configEpoch;
}

/** Number of slots with an owner (`cluster_slots_assigned`). */
export function assignedSlotCount(state: ClusterState): number {
  let count = 0;
  for (let slot = 0; slot < SLOT_COUNT; slot++) if (state.slotOwners[slot] !== null) count++;
  return count;
}
