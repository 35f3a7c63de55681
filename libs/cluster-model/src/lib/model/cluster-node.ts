// One node of the cluster as this node sees it (redis `clusterNode`): address, flags, role, epochs, the slots
// it serves, failure reports about it, and the liveness timestamps failure detection reads.
// Values are immutable: transitions return new nodes. Pure: no I/O.
import { countSlots, createSlotBitmap, type SlotBitmap } from '@tessera/slot';
import { hasFlag, type NodeFlag } from './node-flags.js';
import type { NodeId } from './node-id.js';

/** State of this node's outbound bus link to the node (`connected`/`disconnected` in CLUSTER NODES). */
export const LINK_STATES = {
  /** A link is established (always the case for myself). */
  connected: 'connected',
  /** No link: never connected yet, or lost. */
  disconnected: 'disconnected',
} as const;

export type LinkState = (typeof LINK_STATES)[keyof typeof LINK_STATES];

export interface ClusterNode {
  /** 40 lowercase hex characters; a random temporary name while in handshake. */
  readonly id: NodeId;
  /** IPv4 or IPv6 text without brackets; empty while unknown (a fresh myself, `noaddr`). */
  readonly ip: string;
  /** Client (RESP) port. */
  readonly port: number;
  /** Cluster bus port (the gossip-agent's gRPC port), shown after `@`. */
  readonly busPort: number;
  /** Announced hostname (cluster-announce-hostname); absent when none. */
  readonly hostname?: string;
  /** Flags in print order, no duplicates. */
  readonly flags: readonly NodeFlag[];
  /** Handshake node created by CLUSTER MEET: the first message to it must be a MEET (redis `CLUSTER_NODE_MEET`). */
  readonly meetPending: boolean;
  /** The master this replica replicates; `null` for masters and for replicas of an unknown master. */
  readonly masterId: NodeId | null;
  /** When the pending PING was sent (ms), 0 when no PING awaits its PONG. */
  readonly pingSent: number;
  /** When the last PONG arrived (ms), or the freshest time gossip reported; 0 if never. */
  readonly pongReceived: number;
  /** When any message from the node last arrived (ms); counts as liveness like a PONG. */
  readonly dataReceived: number;
  /** When the node was flagged FAIL (ms), 0 if it never was. */
  readonly failTime: number;
  /** When this node entry was created (ms): handshake nodes expire after cluster-node-timeout. */
  readonly createdAt: number;
  /** Version of the slot claim of a master; 0 for replicas (CLUSTER NODES prints the master's). */
  readonly configEpoch: bigint;
  /** Outbound link state. */
  readonly link: LinkState;
  /** When the current outbound link was established (ms); 0 without a link. */
  readonly linkSince: number;
  /** Slots this node serves; never mutate a node's bitmap in place. */
  readonly slots: SlotBitmap;
  /** Number of slots in {@link ClusterNode.slots}. */
  readonly slotCount: number;
  /** Masters that reported this node PFAIL/FAIL, with the time of their latest report (ms). */
  readonly failureReports: ReadonlyMap<NodeId, number>;
  /** Shard id (40 hex): a master's own, inherited by its replicas. */
  readonly shardId: NodeId;
  /** Replication offset the node announced last (for myself: what the data-node reported). */
  readonly replicationOffset: bigint;
}

/** The fields a new node needs; everything else starts empty, as in redis `createClusterNode`. */
export interface NewNode {
  id: NodeId;
  shardId: NodeId;
  createdAt: number;
  ip?: string;
  port?: number;
  busPort?: number;
  hostname?: string;
  flags?: readonly NodeFlag[];
  meetPending?: boolean;
}

/** A node with no slots, no role link, epoch 0 and a disconnected link. */
export function createNode(init: NewNode): ClusterNode {
  const node: ClusterNode = {
    id: init.id,
    ip: init.ip ?? '',
    port: init.port ?? 0,
    busPort: init.busPort ?? 0,
    flags: init.flags ?? [],
    meetPending: init.meetPending ?? false,
    masterId: null,
    pingSent: 0,
    pongReceived: 0,
    dataReceived: 0,
    failTime: 0,
    createdAt: init.createdAt,
    configEpoch: 0n,
    link: LINK_STATES.disconnected,
    linkSince: 0,
    slots: createSlotBitmap(),
    slotCount: 0,
    failureReports: new Map(),
    shardId: init.shardId,
    replicationOffset: 0n,
  };
  return init.hostname ? { ...node, hostname: init.hostname } : node;
}

/** Master role (redis `clusterNodeIsMaster`). */
export function isMaster(node: ClusterNode): boolean {
  return hasFlag(node.flags, 'master');
}

/** Replica role (redis `nodeIsSlave`). */
export function isReplica(node: ClusterNode): boolean {
  return hasFlag(node.flags, 'replica');
}

/** FAIL flag set (redis `nodeFailed`). */
export function isFailed(node: ClusterNode): boolean {
  return hasFlag(node.flags, 'fail');
}

/** PFAIL flag set (redis `nodeTimedOut`). */
export function isTimedOut(node: ClusterNode): boolean {
  return hasFlag(node.flags, 'pfail');
}

/** In handshake (redis `nodeInHandshake`). */
export function inHandshake(node: ClusterNode): boolean {
  return hasFlag(node.flags, 'handshake');
}

/** Recomputes {@link ClusterNode.slotCount} for a bitmap; used when a node is built from parsed input. */
export function slotCountOf(slots: SlotBitmap): number {
  return countSlots(slots);
}
