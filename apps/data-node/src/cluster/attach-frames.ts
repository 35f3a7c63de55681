// The data-node's side of the Attach stream, as frames: what it tells its gossip-agent (hello, heartbeat,
// keyspace facts for a forwarded subcommand) built from the data-node's own values, and the agent's bus
// counters turned into CLUSTER INFO's stats. Proto types stop here and in attached-agent-link.ts. No I/O.
import { BUS_MESSAGE_TYPES, type BusMessageType, type ClusterInfoStats } from '@tessera/cluster-model';
import {
  DataNodeHealth,
  NodeRole,
  type BusMessageCounters,
  type DataNodeHeartbeat,
  type DataNodeHello,
  type KeyspaceFacts,
  type SlotKeyCount,
} from '@tessera/proto';
import { SLOT_COUNT } from '@tessera/slot';

/** The data-node's software version, told to the agent in the hello. */
export const DATA_NODE_VERSION = '0.1.0';

/** What the frames need to know of the keyspace (the data-node's Database has it). */
export interface KeyspaceCounts {
  readonly size: number;
  countInSlot(slot: number): number;
}

export interface HelloFacts {
  readonly clientPort: number;
  readonly pid: number;
  /** Random id of this data-node process (16 lowercase hex or more). */
  readonly instanceId: string;
  /** ms since the Unix epoch. */
  readonly startedAtMs: number;
}

export function helloFrame(facts: HelloFacts): DataNodeHello {
  return {
    dataNodeVersion: DATA_NODE_VERSION,
    clientPort: facts.clientPort,
    pid: facts.pid,
    instanceId: facts.instanceId,
    startedAtMs: BigInt(Math.max(0, Math.trunc(facts.startedAtMs))),
  };
}

/** What a heartbeat says of replication (the data-node's Replication reports it). */
export interface ReplicationReport {
  /** The role the data-node plays now. */
  readonly role: 'master' | 'replica';
  /** As a master master_repl_offset, as a replica the offset it applied (0 during a full sync). */
  readonly offset: number;
  /** A replica in full sync with its master. */
  readonly syncing: boolean;
  /** A replica whose link to its master is up. */
  readonly linkUp: boolean;
  /**
   * A replica's link down since (ms since the epoch); 0 while up or as a master; 1 when it was never up
   * (Redis's repl_down_since 0: its data counts as infinitely old for the failover's data-age check).
   */
  readonly linkDownSinceMs: number;
}

/** A heartbeat: the role and replication state the data-node reports, its health, the key count. */
export function heartbeatFrame(
  report: ReplicationReport,
  keyCount: number,
  nowMs: number,
): DataNodeHeartbeat {
  return {
    role: report.role === 'master' ? NodeRole.NODE_ROLE_MASTER : NodeRole.NODE_ROLE_REPLICA,
    replicationOffset: BigInt(report.offset),
    health: report.syncing ? DataNodeHealth.DATA_NODE_HEALTH_SYNCING : DataNodeHealth.DATA_NODE_HEALTH_OK,
    keyCount: BigInt(keyCount),
    loading: false,
    masterLinkUp: report.role === 'replica' && report.linkUp,
    masterLinkDownSinceMs: BigInt(Math.max(0, Math.trunc(report.linkDownSinceMs))),
    writesPaused: false,
    sentAtMs: BigInt(Math.max(0, Math.trunc(nowMs))),
  };
}

/** dbsize and the key count of every non-empty slot, ascending (the agent checks SETSLOT, RESET... with them). */
export function keyspaceFacts(keyspace: KeyspaceCounts): KeyspaceFacts {
  const slots: SlotKeyCount[] = [];
  if (keyspace.size !== 0) {
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const keys = keyspace.countInSlot(slot);
      if (keys !== 0) slots.push({ slot, keys: BigInt(keys) });
    }
  }
  return { keyCount: BigInt(keyspace.size), slots };
}

const KNOWN_TYPES = new Set<string>(Object.values(BUS_MESSAGE_TYPES));

/** CLUSTER INFO's cluster_stats_messages_* from the snapshot's bus counters (unknown type names skipped). */
export function clusterInfoStats(counters: readonly BusMessageCounters[]): ClusterInfoStats {
  const sent: Partial<Record<BusMessageType, number>> = {};
  const received: Partial<Record<BusMessageType, number>> = {};
  for (const { type, sent: out, received: got } of counters) {
    if (!KNOWN_TYPES.has(type)) continue;
    sent[type as BusMessageType] = Number(out);
    received[type as BusMessageType] = Number(got);
  }
  return { messagesSent: sent, messagesReceived: received };
}
