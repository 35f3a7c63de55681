// The cluster-bus messages as the model sees them (redis cluster_legacy.h `clusterMsg`), already converted
// from protobuf by the gossip-agent. Only shapes here; validate-message.ts checks them before any transition.
// Spec: https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/ . Pure: no I/O.
import type { SlotBitmap } from '@tessera/slot';
import type { NodeFlag } from '../model/node-flags.js';
import type { NodeId } from '../model/node-id.js';

/** Bus message types by wire name, in Redis's numeric order (cluster_legacy.h CLUSTERMSG_TYPE_*). */
export const BUS_MESSAGE_TYPES = {
  /** 0: heartbeat carrying the sender's config and gossip. */
  ping: 'ping',
  /** 1: reply to PING/MEET, or a config broadcast. */
  pong: 'pong',
  /** 2: like PING, but asks the receiver to add the sender (handshake). */
  meet: 'meet',
  /** 3: a node is FAIL: every receiver flags it at once. */
  fail: 'fail',
  /** 4: cluster-wide PUBLISH. */
  publish: 'publish',
  /** 5: a replica asks masters for a failover vote. */
  authReq: 'auth-req',
  /** 6: a master grants its vote. */
  authAck: 'auth-ack',
  /** 7: a node's newer slot configuration, sent to a stale claimant. */
  update: 'update',
  /** 8: a replica asks its master to pause for a manual failover. */
  mfstart: 'mfstart',
  /** 9: module message. */
  module: 'module',
  /** 10: sharded PUBLISH. */
  publishshard: 'publishshard',
} as const;

export type BusMessageType = (typeof BUS_MESSAGE_TYPES)[keyof typeof BUS_MESSAGE_TYPES];

/** One gossip entry: what the sender knows about another node (redis `clusterMsgDataGossip`). */
export interface GossipEntry {
  readonly id: NodeId;
  /** Address as the sender knows it; may be empty for a node whose address the sender does not know yet. */
  readonly ip: string;
  readonly port: number;
  readonly busPort: number;
  /** The sender's flags for that node (PFAIL/FAIL here are failure reports when the sender is a master). */
  readonly flags: readonly NodeFlag[];
  /** The sender's ping_sent for that node, ms (Redis sends seconds; the agent scales). */
  readonly pingSent: number;
  /** The sender's pong_received for that node, ms. */
  readonly pongReceived: number;
}

/** A node id the sender has forgotten (CLUSTER FORGET), to forget here too for `ttlMs` (Redis 7.2 extension). */
export interface ForgottenNode {
  readonly id: NodeId;
  readonly ttlMs: number;
}

/** Header fields every bus message carries. */
export interface MessageHeader {
  readonly sender: NodeId;
  readonly currentEpoch: bigint;
  /** The sender's configEpoch, or its master's when the sender is a replica. */
  readonly configEpoch: bigint;
}

/** PING, PONG or MEET: the sender's whole configuration plus a gossip section. */
export interface PingMessage extends MessageHeader {
  readonly type: 'ping' | 'pong' | 'meet';
  /** The sender's master, or `null` when the sender is a master. */
  readonly masterId: NodeId | null;
  /** Slots the sender claims: its own, or its master's when it is a replica. */
  readonly slots: SlotBitmap;
  /** The sender's own flags (role, nofailover, ...). */
  readonly flags: readonly NodeFlag[];
  readonly replicationOffset: bigint;
  /** The sender's address: its announced ip, else the peer address of the connection (the agent fills it). */
  readonly ip: string;
  readonly port: number;
  readonly busPort: number;
  /** Announced hostname; absent means none (and clears a previous one). */
  readonly hostname?: string;
  /** The sender's shard id; absent means "use its master's" as Redis does for pre-7.2 senders. */
  readonly shardId?: NodeId;
  readonly gossip: readonly GossipEntry[];
  readonly forgotten?: readonly ForgottenNode[];
}

/** FAIL: `failing` is FAIL, set the flag now. */
export interface FailMessage extends MessageHeader {
  readonly failing: NodeId;
}

/** UPDATE: `nodeId` serves `slots` under `nodeConfigEpoch`. */
export interface UpdateMessage extends MessageHeader {
  readonly nodeId: NodeId;
  readonly nodeConfigEpoch: bigint;
  readonly slots: SlotBitmap;
}

/**
 * How a message arrived. `outbound`: it answers a PING/MEET this node sent to `nodeId` (possibly the
 * temporary id of a handshake node). `inbound`: on a connection the peer opened; `localIp` is the address the
 * peer reached us at, which a MEET uses to learn myself's address.
 */
export type MessageLink =
  | { readonly direction: 'inbound'; readonly localIp?: string }
  | { readonly direction: 'outbound'; readonly nodeId: NodeId };
