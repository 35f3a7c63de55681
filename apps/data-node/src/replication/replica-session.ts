// A master's side of one replica's Sync stream (redis's replica client: its slave state, output buffer and
// REPLCONF ACK bookkeeping, src/replication.c). After the PSYNC decision it either sends the snapshot of a
// full sync (chunk by chunk, only as fast as the transport drains, in short slices of the event loop so the
// master keeps serving) and then the stream from the snapshot's offset, or at once the backlog from the
// replica's offset (partial resync). Stream chunks that arrive while the snapshot is sent, or while the
// transport is full, wait in a queue bounded by client-output-buffer-limit `replica`: beyond it the replica is
// dropped (it reconnects and resyncs), as Redis drops a replica whose output buffer overflows.
//
// The transport is a port (ReplicaChannel): the gRPC adapter in replication-service.ts, or a fake in tests.
import { performance } from 'node:perf_hooks';
import { status } from '@grpc/grpc-js';
import type { SyncResponse } from '@tessera/proto';
import type { OutputLimit } from '../server/output-limits.js';
import type { ReplicationBacklog } from './replication-backlog.js';
import type { KeyspaceSnapshot } from './keyspace-snapshot.js';

/** The stream to one replica, as the session needs it. */
export interface ReplicaChannel {
  /** Sends a frame; false when the transport's buffer is full: wait for `ReplicaSession.drained`. */
  send(frame: SyncResponse): boolean;
  /** Ends the stream with a gRPC status (OK for a normal end). */
  close(code: status, detail: string): void;
}

/** Redis's replica states as INFO prints them (slaveN:state=). */
export type ReplicaSessionState = 'wait_bgsave' | 'send_bulk' | 'online' | 'closed';

export interface ReplicaSessionOptions {
  readonly channel: ReplicaChannel;
  /** The replica's node id, IP and client port (INFO slaveN). */
  readonly nodeId: string;
  readonly ip: string;
  readonly port: number;
  /** Wall clock in ms. */
  readonly now: () => number;
  /** client-output-buffer-limit replica, read each time it is checked. */
  readonly outputLimit: () => OutputLimit;
  /** Told when the replica acked (WAIT), and once when the session ends. */
  readonly acked: (session: ReplicaSession) => void;
  readonly closed: (session: ReplicaSession, reason: string) => void;
  /** Told when the snapshot is complete (logs). */
  readonly snapshotSent?: (session: ReplicaSession, keys: number, bytes: number, ms: number) => void;
}

/** Bytes of stream data per StreamData frame when sending a backlog range or a queue. */
const FRAME_BYTES = 256 * 1024;
/** Bytes of snapshot per SnapshotChunk frame. */
const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
/** Time the snapshot may take from one event-loop turn before yielding to clients. */
const SNAPSHOT_SLICE_MS = 8;
/** A Keepalive goes out when nothing else did for this long. */
export const KEEPALIVE_MS = 1000;

export class ReplicaSession {
  private static nextId = 1;
  readonly id = ReplicaSession.nextId++;
  state: ReplicaSessionState = 'wait_bgsave';
  /** Offset of the next stream byte to send (sent or queued bytes end here). */
  private streamEnd = 0;
  /** Stream bytes sent to the transport end here. */
  sentOffset = 0;
  /** REPLCONF ACK: bytes the replica processed, and when it said so. */
  ackOffset = 0;
  ackAt: number;
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private softLimitSince = 0;
  private congested = false;
  private lastSendAt = 0;
  private snapshot: KeyspaceSnapshot | null = null;
  private snapshotStartedAt = 0;
  private snapshotBytes = 0;
  private pumpScheduled = false;

  constructor(private readonly options: ReplicaSessionOptions) {
    this.ackAt = options.now();
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  get ip(): string {
    return this.options.ip;
  }

  get port(): number {
    return this.options.port;
  }

  /** +FULLRESYNC: sends `snapshot` (taken at `offset`), then the stream from there. */
  startFullSync(replicationId: string, offset: number, snapshot: KeyspaceSnapshot): void {
    this.streamEnd = offset;
    this.sentOffset = offset;
    this.ackOffset = 0;
    this.snapshot = snapshot;
    this.snapshotStartedAt = this.options.now();
    this.state = 'send_bulk';
    this.send({ frame: { $case: 'fullSync', value: { replicationId, offset: BigInt(offset) } } });
    this.pump();
  }

  /** +CONTINUE: the backlog from the replica's `offset` on, then the live stream. */
  startPartialSync(replicationId: string, offset: number, backlog: ReplicationBacklog): void {
    this.streamEnd = offset;
    this.sentOffset = offset;
    this.ackOffset = offset;
    this.state = 'online';
    this.send({ frame: { $case: 'continueSync', value: { replicationId, offset: BigInt(offset) } } });
    for (let from = offset; from < backlog.end; from += FRAME_BYTES) {
      const to = Math.min(backlog.end, from + FRAME_BYTES);
      this.sendStream(Buffer.concat(backlog.read(from, to)), from);
    }
    this.streamEnd = backlog.end;
  }

  /** New stream bytes (whole commands) starting at `offset`. */
  streamed(chunk: Buffer, offset: number): void {
    if (this.state === 'closed' || this.state === 'wait_bgsave') return;
    if (offset !== this.streamEnd) {
      this.close(status.INTERNAL, `stream gap: expected offset ${this.streamEnd}, got ${offset}`);
      return;
    }
    this.streamEnd += chunk.length;
    if (this.state === 'online' && !this.congested && this.queue.length === 0) {
      this.sendStream(chunk, offset);
      return;
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.length;
    this.checkOutputLimit();
  }

  /** The transport drained: go on with the snapshot or the queue. */
  drained(): void {
    this.congested = false;
    this.pump();
  }

  /**
   * REPLCONF ACK. Returns an error text when the offset is impossible (beyond what was sent, or going
   * backwards): the caller ends the stream with INVALID_ARGUMENT.
   */
  ack(offset: number): string | null {
    if (this.state !== 'online') return 'an ack before the stream started';
    if (offset > this.sentOffset) return `ack offset ${offset} is beyond the ${this.sentOffset} bytes sent`;
    if (offset < this.ackOffset) return `ack offset ${offset} goes back from ${this.ackOffset}`;
    this.ackOffset = offset;
    this.ackAt = this.options.now();
    this.options.acked(this);
    return null;
  }

  /** Sends a Keepalive when idle for a second, or at once asking for an ack (WAIT) once online. */
  keepalive(masterOffset: number, ackRequested: boolean): void {
    if (this.state !== 'online' && this.state !== 'send_bulk') return;
    const ask = ackRequested && this.state === 'online';
    if (!ask && (this.congested || this.options.now() - this.lastSendAt < KEEPALIVE_MS)) return;
    this.send({
      frame: { $case: 'keepalive', value: { masterOffset: BigInt(masterOffset), ackRequested: ask } },
    });
  }

  /** Ends the session (and its stream) once. */
  close(code: status, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.snapshot?.cancel();
    this.snapshot = null;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.options.channel.close(code, reason);
    this.options.closed(this, reason);
  }

  /** The transport ended from the other side: forget the session without writing to it. */
  ended(reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.snapshot?.cancel();
    this.snapshot = null;
    this.queue.length = 0;
    this.options.closed(this, reason);
  }

  // ------------------------------------------------------------------ sending

  private pump(): void {
    if (this.state === 'send_bulk') this.pumpSnapshot();
    if (this.state === 'online') this.pumpQueue();
  }

  private pumpSnapshot(): void {
    const snapshot = this.snapshot;
    if (snapshot === null) return;
    const started = performance.now();
    while (!this.congested && this.state === 'send_bulk') {
      const entries = snapshot.next(SNAPSHOT_CHUNK_BYTES);
      if (entries === null) {
        this.finishSnapshot(snapshot);
        return;
      }
      for (const entry of entries) this.snapshotBytes += entry.key.length + entry.payload.length;
      this.send({ frame: { $case: 'snapshotChunk', value: { entries } } });
      if (performance.now() - started > SNAPSHOT_SLICE_MS) {
        this.schedulePump();
        return;
      }
    }
  }

  private finishSnapshot(snapshot: KeyspaceSnapshot): void {
    this.snapshot = null;
    snapshot.cancel();
    this.send({
      frame: {
        $case: 'snapshotEnd',
        value: { offset: BigInt(snapshot.offset), keyCount: BigInt(snapshot.keyCount) },
      },
    });
    this.state = 'online';
    this.ackAt = this.options.now();
    this.options.snapshotSent?.(
      this,
      snapshot.keyCount,
      this.snapshotBytes,
      this.options.now() - this.snapshotStartedAt,
    );
    this.pumpQueue();
  }

  private pumpQueue(): void {
    let offset = this.streamEnd - this.queuedBytes;
    while (!this.congested && this.queue.length > 0 && this.state === 'online') {
      let size = 0;
      let count = 0;
      while (count < this.queue.length && size < FRAME_BYTES) size += (this.queue[count++] as Buffer).length;
      const parts = this.queue.splice(0, count);
      this.queuedBytes -= size;
      this.sendStream(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size), offset);
      offset += size;
    }
    if (this.queuedBytes === 0) this.softLimitSince = 0;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private sendStream(data: Buffer, offset: number): void {
    this.send({ frame: { $case: 'stream', value: { offset: BigInt(offset), data } } });
    this.sentOffset = offset + data.length;
  }

  private send(frame: SyncResponse): void {
    if (this.state === 'closed') return;
    this.lastSendAt = this.options.now();
    if (!this.options.channel.send(frame)) this.congested = true;
  }

  private checkOutputLimit(): void {
    const limit = this.options.outputLimit();
    if (limit.hard > 0 && this.queuedBytes >= limit.hard) {
      this.close(
        status.RESOURCE_EXHAUSTED,
        `replica output buffer over the hard limit (${this.queuedBytes} bytes)`,
      );
      return;
    }
    if (limit.soft > 0 && this.queuedBytes >= limit.soft) {
      const now = this.options.now();
      if (this.softLimitSince === 0) this.softLimitSince = now;
      else if (now - this.softLimitSince >= limit.softSeconds * 1000) {
        this.close(
          status.RESOURCE_EXHAUSTED,
          `replica output buffer over the soft limit for ${limit.softSeconds} s`,
        );
      }
    } else {
      this.softLimitSince = 0;
    }
  }
}
