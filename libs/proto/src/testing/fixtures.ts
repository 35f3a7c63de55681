// Realistic bus and topology content for @tessera/proto's tests: 40-hex node ids, a full 16384-slot
// bitmap, epochs and offsets above 2^53. Test support only: excluded from the build
// (tsconfig.lib.json) and never exported.
import type { SlotSet } from '../gen/tessera/common/v1/common.js';
import { ClusterState, NodeFlag } from '../gen/tessera/cluster/v1/node.js';
import type { GossipEntry, Header, Ping } from '../gen/tessera/cluster/v1/bus.js';

/** 2^53 + 1: the first integer a JS number cannot hold. */
export const ABOVE_2_53 = 2n ** 53n + 1n;

/** A deterministic 40-lowercase-hex node id for index `n`. */
export function nodeIdText(n: number): string {
  return (n.toString(16).padStart(8, '0') + '07c37dfeb235213a872192d90877d0cd').slice(0, 40);
}

/** A node id message for index `n`. */
export function nodeId(n: number): { value: string } {
  return { value: nodeIdText(n) };
}

/** The 2048-byte bitmap with every one of the 16384 slots set. */
export function fullSlotBitmap(): Buffer {
  return Buffer.alloc(2048, 0xff);
}

/** A bitmap with exactly `slots` set (bit s is bitmap[s >> 3] & (1 << (s & 7)), as Redis lays it out). */
export function slotBitmap(slots: Iterable<number>): Buffer {
  const bitmap = Buffer.alloc(2048);
  for (const slot of slots) bitmap[slot >> 3] = (bitmap[slot >> 3] ?? 0) | (1 << (slot & 7));
  return bitmap;
}

/** A SlotSet holding all 16384 slots as a bitmap. */
export function allSlots(): SlotSet {
  return { encoding: { $case: 'bitmap', value: fullSlotBitmap() } };
}

/** The header of master `n` that serves every slot, with epochs above 2^53. */
export function masterHeader(n: number): Header {
  return {
    sender: nodeId(n),
    currentEpoch: ABOVE_2_53 + 41n,
    configEpoch: ABOVE_2_53 + 7n,
    replicationOffset: 2n ** 62n + 12345n,
    flags: [NodeFlag.NODE_FLAG_MASTER, NodeFlag.NODE_FLAG_MIGRATE_TO],
    slots: allSlots(),
    address: {
      ip: '10.0.0.' + String(n + 1),
      port: 7000 + n,
      busPort: 17000 + n,
      hostname: `node-${n}.tessera.local`,
    },
    shardId: nodeIdText(1000 + n),
    humanNodename: `rack-a/node-${n}`,
    state: ClusterState.CLUSTER_STATE_OK,
    manualFailoverPaused: false,
  };
}

/** The header of replica `n` of master `masterIndex` (claims its master's slots and configEpoch). */
export function replicaHeader(n: number, masterIndex: number): Header {
  return {
    ...masterHeader(n),
    flags: [NodeFlag.NODE_FLAG_REPLICA, NodeFlag.NODE_FLAG_NOFAILOVER],
    masterId: nodeId(masterIndex),
    shardId: nodeIdText(1000 + masterIndex),
    humanNodename: '',
  };
}

/** A gossip entry about node `n` as seen by a master: PFAIL, so a failure report. */
export function gossipEntry(n: number): GossipEntry {
  return {
    nodeId: nodeId(n),
    pingSentMs: 1_767_225_600_000n + BigInt(n),
    pongReceivedMs: 1_767_225_590_000n + BigInt(n),
    address: {
      ip: `10.0.${n >> 8}.${n & 255}`,
      port: 7000 + (n % 1000),
      busPort: 17000 + (n % 1000),
      hostname: '',
    },
    flags: n % 2 === 0 ? [NodeFlag.NODE_FLAG_MASTER, NodeFlag.NODE_FLAG_PFAIL] : [NodeFlag.NODE_FLAG_REPLICA],
  };
}

/** A PING from master 0 with `gossipCount` gossip entries and one forgotten node. */
export function ping(gossipCount = 3): Ping {
  return {
    header: masterHeader(0),
    gossip: Array.from({ length: gossipCount }, (_, i) => gossipEntry(i + 1)),
    forgotten: [{ nodeId: nodeId(99), ttlMs: 60_000n }],
  };
}
