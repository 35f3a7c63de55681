// A master's replicas: the PSYNC decision for each new one (redis syncCommand and
// masterTryPartialResynchronization), the stream fan-out, REPLCONF ACK bookkeeping for WAIT (redis
// replicationCountAcksByOffset, processClientsWaitingReplicas) and the copy-on-write guard of the snapshots
// being sent. Sessions talk to their replica through a ReplicaChannel; this file owns no socket. No I/O.
import { status } from '@grpc/grpc-js';
import type { Database, SnapshotGuard } from '../keyspace/database.js';
import type { OutputLimit } from '../server/output-limits.js';
import type { StreamSink } from './command-propagator.js';
import { KeyspaceSnapshot } from './keyspace-snapshot.js';
import { ReplicaSession, type ReplicaChannel } from './replica-session.js';
import type { ReplicationState } from './replication-state.js';

/** What a new replica says in its Psync frame, validated (replication-frames.ts). */
export interface PsyncRequest {
  readonly replicaNodeId: string;
  readonly masterNodeId: string;
  /** Empty: no history, full sync. */
  readonly replicationId: string;
  readonly offset: number;
  readonly listeningPort: number;
  readonly ip: string;
}

export interface ReplicaHubEvents {
  /** A session started, with how (logs). */
  synced(session: ReplicaSession, how: 'full' | 'partial', offset: number): void;
  snapshotSent(session: ReplicaSession, keys: number, bytes: number, ms: number): void;
  closed(session: ReplicaSession, reason: string): void;
}

interface AckWaiter {
  readonly offset: number;
  readonly replicas: number;
  readonly resolve: (count: number) => void;
}

export class ReplicaHub implements StreamSink, SnapshotGuard {
  readonly sessions = new Set<ReplicaSession>();
  private readonly snapshots = new Set<KeyspaceSnapshot>();
  private waiters: AckWaiter[] = [];
  private state!: ReplicationState;
  /** When the last replica went away (repl-backlog-ttl counts from there); 0 while there are replicas. */
  noReplicasSince: number;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly outputLimit: () => OutputLimit,
    private readonly events: ReplicaHubEvents,
  ) {
    this.noReplicasSince = now();
  }

  /** Binds the replication state (created after the hub, which is its stream sink). */
  bind(state: ReplicationState): void {
    this.state = state;
  }

  /**
   * A replica's Psync, once the caller checked this node is the master it names: answers +CONTINUE from the
   * backlog when its history allows, else a full sync from a snapshot taken now. Returns the session.
   */
  psync(request: PsyncRequest, channel: ReplicaChannel): ReplicaSession {
    const state = this.state;
    const session = new ReplicaSession({
      channel,
      nodeId: request.replicaNodeId,
      ip: request.ip,
      port: request.listeningPort,
      now: this.now,
      outputLimit: this.outputLimit,
      acked: () => this.checkWaiters(),
      closed: (closed, reason) => this.forget(closed, reason),
      snapshotSent: (sent, keys, bytes, ms) => this.events.snapshotSent(sent, keys, bytes, ms),
    });
    this.sessions.add(session);
    this.noReplicasSince = 0;
    state.flushPropagation();
    const backlog = state.backlog;
    if (
      backlog !== null &&
      request.replicationId !== '' &&
      state.canContinue(request.replicationId, request.offset)
    ) {
      state.startPropagating();
      state.stats.syncPartialOk++;
      this.events.synced(session, 'partial', request.offset);
      session.startPartialSync(state.replicationId, request.offset, backlog);
      return session;
    }
    if (request.replicationId !== '') state.stats.syncPartialErr++;
    state.stats.syncFull++;
    state.startPropagating();
    // A snapshot never stands for offset 0: a replica reporting offset 0 has not synced yet (CLUSTER SLOTS
    // hides it, as Redis hides a replica whose offset is 0). Redis's periodic PING does the same sooner or later.
    if (state.offset === 0) state.propagate(['PING']);
    state.flushPropagation();
    const snapshot = new KeyspaceSnapshot(this.db, state.offset, (done) => this.release(done));
    this.snapshots.add(snapshot);
    this.db.snapshotGuard = this;
    this.events.synced(session, 'full', snapshot.offset);
    session.startFullSync(state.replicationId, snapshot.offset, snapshot);
    return session;
  }

  // ------------------------------------------------------------------ StreamSink

  streamed(chunk: Buffer, offset: number): void {
    if (this.sessions.size === 0) return;
    this.state.stats.outputBytes += chunk.length * this.sessions.size;
    for (const session of this.sessions) session.streamed(chunk, offset);
  }

  // ------------------------------------------------------------------ SnapshotGuard (copy-on-write)

  beforeChange(slot: number): void {
    for (const snapshot of this.snapshots) snapshot.beforeChange(slot);
  }

  beforeFlush(): void {
    for (const snapshot of this.snapshots) snapshot.beforeFlush();
  }

  // ------------------------------------------------------------------ WAIT

  /** Replicas online whose acked offset is at least `offset`. */
  countAcked(offset: number): number {
    let count = 0;
    for (const session of this.sessions)
      if (session.state === 'online' && session.ackOffset >= offset) count++;
    return count;
  }

  /**
   * Resolves with the count once `replicas` replicas acked `offset` (never rejects; the caller times out).
   * Asks every replica for an ack now (REPLCONF GETACK).
   */
  waitForAcks(offset: number, replicas: number): { promise: Promise<number>; cancel(): void } {
    let waiter: AckWaiter | undefined;
    const promise = new Promise<number>((resolve) => {
      waiter = { offset, replicas, resolve };
    });
    this.waiters.push(waiter as AckWaiter);
    this.state.flushPropagation();
    for (const session of this.sessions) session.keepalive(this.state.offset, true);
    return {
      promise,
      cancel: () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
      },
    };
  }

  // ------------------------------------------------------------------ periodic and shutdown

  /** Every 100 ms: keepalives to idle replicas. */
  tick(): void {
    const offset = this.state.offset;
    for (const session of this.sessions) session.keepalive(offset, false);
  }

  /** Ends every replica's stream (this node stops being their master, or shuts down). */
  closeAll(code: status, reason: string): void {
    for (const session of [...this.sessions]) session.close(code, reason);
  }

  private checkWaiters(): void {
    if (this.waiters.length === 0) return;
    const pending: AckWaiter[] = [];
    for (const waiter of this.waiters) {
      const count = this.countAcked(waiter.offset);
      if (count >= waiter.replicas) waiter.resolve(count);
      else pending.push(waiter);
    }
    this.waiters = pending;
  }

  private forget(session: ReplicaSession, reason: string): void {
    if (!this.sessions.delete(session)) return;
    if (this.sessions.size === 0) this.noReplicasSince = this.now();
    this.events.closed(session, reason);
  }

  private release(snapshot: KeyspaceSnapshot): void {
    this.snapshots.delete(snapshot);
    if (this.snapshots.size === 0 && this.db.snapshotGuard === this) this.db.snapshotGuard = null;
  }
}
