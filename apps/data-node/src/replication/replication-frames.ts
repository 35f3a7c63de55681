// The Sync stream's frames (proto/tessera/replication/v1/replication.proto) checked and turned into the
// replication code's own values, in both directions: what a master accepts from a replica (Psync, acks) and
// what a replica accepts from its master (FullSync, ContinueSync, snapshot entries, stream data). Every
// check names what is wrong; callers end the stream with INVALID_ARGUMENT (or drop the link) on a refusal.
// Generated types stop here, in replication-service.ts and master-link.ts (style rule 15). No I/O.
import type { Psync, SnapshotEntry, SyncResponse } from '@tessera/proto';
import { isReplicationId } from './replication-ids.js';
import type { PsyncRequest } from './replica-hub.js';

const NODE_ID = /^[0-9a-f]{40}$/;
/** Offsets are kept as doubles: at most 2^53 bytes (8 PiB) of stream. */
export const MAX_OFFSET = BigInt(Number.MAX_SAFE_INTEGER);
/** Longest announced IP accepted (an IPv6 address with a zone fits). */
const MAX_IP_LENGTH = 64;
/** Largest key a snapshot entry may carry (proto-max-bulk-len's ceiling). */
export const MAX_KEY_BYTES = 512 * 1024 * 1024;

/** A checked value, or why the frame is refused. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = <T>(error: string): Checked<T> => ({ ok: false, error });

/** An offset field as a number, or null when above MAX_OFFSET. */
export function offsetOf(value: bigint): number | null {
  return value >= 0n && value <= MAX_OFFSET ? Number(value) : null;
}

/**
 * The Psync frame of a replica. `peerIp` is the address the call came from (shown in INFO when the replica
 * announces none).
 */
export function checkPsync(frame: Psync, peerIp: string): Checked<PsyncRequest> {
  if (!NODE_ID.test(frame.replicaNodeId))
    return refuse('replica_node_id must be 40 lowercase hex characters');
  if (!NODE_ID.test(frame.masterNodeId)) return refuse('master_node_id must be 40 lowercase hex characters');
  if (frame.replicationId !== '' && !isReplicationId(frame.replicationId)) {
    return refuse('replication_id must be empty or 40 lowercase hex characters');
  }
  const offset = offsetOf(frame.offset);
  if (offset === null) return refuse(`offset ${frame.offset} is above 2^53`);
  if (!Number.isInteger(frame.listeningPort) || frame.listeningPort > 65535) {
    return refuse(`listening_port ${frame.listeningPort} is not in 0..65535`);
  }
  if (frame.announcedIp.length > MAX_IP_LENGTH || /[\s,=]/.test(frame.announcedIp)) {
    return refuse('announced_ip is not an address');
  }
  return ok({
    replicaNodeId: frame.replicaNodeId,
    masterNodeId: frame.masterNodeId,
    replicationId: frame.replicationId,
    offset: frame.replicationId === '' ? 0 : offset,
    listeningPort: frame.listeningPort,
    ip: frame.announcedIp === '' ? peerIp : frame.announcedIp,
  });
}

/** The IP of a grpc-js peer string (`ipv4:10.0.0.5:51234`, `ipv6:[::1]:51234`), or the string itself. */
export function peerIpOf(peer: string): string {
  const v4 = /^ipv4:([^:]+):\d+$/.exec(peer);
  if (v4) return v4[1] as string;
  const v6 = /^ipv6:\[(.+)\]:\d+$/.exec(peer);
  if (v6) return v6[1] as string;
  return peer;
}

/** What a replica receives, checked. */
export type MasterFrame =
  | { readonly kind: 'full-sync'; readonly replicationId: string; readonly offset: number }
  | { readonly kind: 'continue'; readonly replicationId: string; readonly offset: number }
  | { readonly kind: 'snapshot-chunk'; readonly entries: readonly SnapshotEntry[] }
  | { readonly kind: 'snapshot-end'; readonly offset: number; readonly keyCount: number }
  | { readonly kind: 'stream'; readonly offset: number; readonly data: Buffer }
  | { readonly kind: 'keepalive'; readonly masterOffset: number; readonly ackRequested: boolean };

/** A master's frame, checked for the values a replica relies on. */
export function checkMasterFrame(response: SyncResponse): Checked<MasterFrame> {
  const frame = response.frame;
  switch (frame?.$case) {
    case 'fullSync':
    case 'continueSync': {
      const { replicationId, offset } = frame.value;
      if (!isReplicationId(replicationId))
        return refuse(`${frame.$case}: replication_id is not 40 lowercase hex`);
      const at = offsetOf(offset);
      if (at === null) return refuse(`${frame.$case}: offset ${offset} is above 2^53`);
      return ok({ kind: frame.$case === 'fullSync' ? 'full-sync' : 'continue', replicationId, offset: at });
    }
    case 'snapshotChunk': {
      for (const entry of frame.value.entries) {
        if (entry.key.length > MAX_KEY_BYTES) return refuse('snapshot entry key is too long');
        if (entry.payload.length === 0) return refuse('snapshot entry without a payload');
      }
      return ok({ kind: 'snapshot-chunk', entries: frame.value.entries });
    }
    case 'snapshotEnd': {
      const offset = offsetOf(frame.value.offset);
      const keyCount = offsetOf(frame.value.keyCount);
      if (offset === null || keyCount === null) return refuse('snapshot_end: offset or key_count above 2^53');
      return ok({ kind: 'snapshot-end', offset, keyCount });
    }
    case 'stream': {
      const offset = offsetOf(frame.value.offset);
      if (offset === null) return refuse(`stream: offset ${frame.value.offset} is above 2^53`);
      return ok({ kind: 'stream', offset, data: frame.value.data });
    }
    case 'keepalive': {
      const masterOffset = offsetOf(frame.value.masterOffset);
      if (masterOffset === null) return refuse('keepalive: master_offset above 2^53');
      return ok({ kind: 'keepalive', masterOffset, ackRequested: frame.value.ackRequested });
    }
    default:
      return refuse('a frame of no known kind');
  }
}
