// Cluster-bus message types as Redis numbers and names them, and which type each ClusterBusService
// call and reply counts as in CLUSTER INFO's cluster_stats_messages_<type>_sent/_received.
// Spec: redis src/cluster_legacy.h CLUSTERMSG_TYPE_*, clusterGetMessageTypeString; the counting rule
// is written down on ClusterBusService in proto/tessera/cluster/v1/bus.proto. No I/O.
import type { ClusterBusServiceService } from '../gen/tessera/cluster/v1/bus.js';

/** Redis's bus message type numbers, by the name CLUSTER INFO prints. */
export const BUS_MESSAGE_TYPES = {
  /** 0 PING: heartbeat with the sender's config and gossip. */
  ping: 0,
  /** 1 PONG: reply to PING/MEET, or a config broadcast. */
  pong: 1,
  /** 2 MEET: PING that asks the receiver to add the sender. */
  meet: 2,
  /** 3 FAIL: a node is FAIL. */
  fail: 3,
  /** 4 PUBLISH: cluster-wide pub/sub. */
  publish: 4,
  /** 5 FAILOVER_AUTH_REQUEST: a replica asks for a vote. */
  'auth-req': 5,
  /** 6 FAILOVER_AUTH_ACK: a master's vote. */
  'auth-ack': 6,
  /** 7 UPDATE: a newer slot configuration. */
  update: 7,
  /** 8 MFSTART: start a manual failover. */
  mfstart: 8,
  /** 9 MODULE: module message (not supported by tessera; counted as zero). */
  module: 9,
  /** 10 PUBLISHSHARD: sharded pub/sub. */
  publishshard: 10,
} as const;

/** A bus message type name as CLUSTER INFO prints it. */
export type BusMessageType = keyof typeof BUS_MESSAGE_TYPES;

/** How one ClusterBusService method counts in the stats. */
export interface BusMethodStats {
  /** The type the request counts as (sent by the caller, received by the callee). */
  readonly request: BusMessageType;
  /** The type a successful reply counts as, or null when the reply is not a bus message. */
  readonly reply: BusMessageType | null;
  /** True when the request counts once per PubSubMessage entry rather than once per call. */
  readonly perEntry: boolean;
}

/** Stats types of every ClusterBusService method (FailoverAuth's reply counts only with an ack). */
export const CLUSTER_BUS_METHOD_STATS = {
  ping: { request: 'ping', reply: 'pong', perEntry: false },
  meet: { request: 'meet', reply: 'pong', perEntry: false },
  pong: { request: 'pong', reply: null, perEntry: false },
  fail: { request: 'fail', reply: null, perEntry: false },
  update: { request: 'update', reply: null, perEntry: false },
  publish: { request: 'publish', reply: null, perEntry: true },
  publishShard: { request: 'publishshard', reply: null, perEntry: true },
  failoverAuth: { request: 'auth-req', reply: 'auth-ack', perEntry: false },
  mfStart: { request: 'mfstart', reply: null, perEntry: false },
} as const satisfies Record<keyof typeof ClusterBusServiceService, BusMethodStats>;

/**
 * Limits a receiver enforces on bus messages (besides the proof). The gossip-agent's converters
 * refuse a message past them with INVALID_ARGUMENT; the byte cap is the server's
 * grpc.max_receive_message_length (RESOURCE_EXHAUSTED).
 */
export const BUS_LIMITS = {
  /** Largest message accepted, in bytes (the gRPC default of 4 MiB). */
  maxMessageBytes: 4 * 1024 * 1024,
  /** Most gossip entries in one Ping/Pong/Meet (Redis sends a tenth of the nodes plus PFAIL ones). */
  maxGossipEntries: 4096,
  /** Most forgotten-node entries in one Ping/Pong/Meet. */
  maxForgottenEntries: 4096,
  /** Length of a SlotSet bitmap in bytes (16384 bits). */
  slotBitmapBytes: 2048,
} as const;
