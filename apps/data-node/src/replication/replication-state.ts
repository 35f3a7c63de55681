// What a data-node knows about its replication history (redis server.replid, replid2, second_replid_offset,
// master_repl_offset, repl_backlog, src/replication.c): the ids, the offset, the backlog, and the command
// propagator that exists while this node is a master with a backlog. The transitions are Redis's:
// - a master creates its backlog (with a new replication id, as Redis does) when its first replica syncs,
//   and frees it after `repl-backlog-ttl` seconds without replicas;
// - a replica adopts its master's id and offset after a full sync, and feeds its own backlog with the
//   stream it applies, so the same bytes sit at the same offsets on both;
// - a promoted replica keeps its old id as replid2 up to its offset (PSYNC2: its former siblings resume);
// - a replica's own writes never exist (clients are redirected), so it never propagates.
// The keyspace hooks (Database.deletionFeed) and ServerState.propagator are set and cleared here only.
import type { Database } from '../keyspace/database.js';
import { CommandPropagator, type StreamSink } from './command-propagator.js';
import { ReplicationBacklog } from './replication-backlog.js';
import { newReplicationId, NO_REPLICATION_ID } from './replication-ids.js';
import type { StreamArg } from './stream-writer.js';

/** INFO stats counters of replication (sync_full, sync_partial_ok, sync_partial_err) and stream bytes. */
export interface ReplicationStats {
  syncFull: number;
  syncPartialOk: number;
  syncPartialErr: number;
  /** total_net_repl_output_bytes / total_net_repl_input_bytes. */
  outputBytes: number;
  inputBytes: number;
}

/** The parts of the server the state drives. */
export interface ReplicationHost {
  readonly db: Database;
  propagator: CommandPropagator | null;
  /** repl-backlog-size, read when a backlog is created or resized. */
  backlogSize(): number;
}

export class ReplicationState {
  replicationId = newReplicationId();
  replicationId2 = NO_REPLICATION_ID;
  /** Redis's second_replid_offset: first byte (1-based) not valid under replid2; -1 without replid2. */
  secondReplOffset = -1;
  backlog: ReplicationBacklog | null = null;
  readonly stats: ReplicationStats = {
    syncFull: 0,
    syncPartialOk: 0,
    syncPartialErr: 0,
    outputBytes: 0,
    inputBytes: 0,
  };
  /** master_repl_offset while there is no backlog. */
  private plainOffset = 0;

  constructor(
    private readonly host: ReplicationHost,
    /** Where a master's new stream bytes go (its replicas). */
    private readonly sink: StreamSink,
  ) {}

  /** master_repl_offset: as a master the stream's end, as a replica the bytes applied. */
  get offset(): number {
    return this.host.propagator?.offset ?? this.backlog?.end ?? this.plainOffset;
  }

  /** True while commands are propagated (a master with a backlog). */
  get propagating(): boolean {
    return this.host.propagator !== null;
  }

  // ------------------------------------------------------------------ master side

  /**
   * Makes sure a master propagates (a replica is about to sync): creates the backlog if there is none (with
   * a new replication id and no replid2, redis syncCommand's createReplicationBacklog) and the propagator.
   */
  startPropagating(): void {
    if (this.backlog === null) {
      this.replicationId = newReplicationId();
      this.clearReplicationId2();
      this.backlog = new ReplicationBacklog(this.host.backlogSize(), this.plainOffset);
    }
    if (this.host.propagator !== null) return;
    const propagator = new CommandPropagator(this.backlog, this.host.db, this.sink);
    this.host.propagator = propagator;
    this.host.db.deletionFeed = (key) => propagator.propagate(['DEL', key]);
  }

  /** Flushes and stops the propagator (the node turns replica, or frees its backlog). */
  stopPropagating(): void {
    const propagator = this.host.propagator;
    if (propagator === null) return;
    propagator.close();
    this.host.propagator = null;
    this.host.db.deletionFeed = null;
  }

  /** Propagates one command written by the server itself (a PING, a DEL of a dropped key), if propagating. */
  propagate(args: readonly StreamArg[]): void {
    this.host.propagator?.propagate(args);
  }

  /** Appends what the propagator holds to the backlog now (before a PSYNC decision or a snapshot). */
  flushPropagation(): void {
    this.host.propagator?.flush();
  }

  /** Frees the backlog (repl-backlog-ttl passed without replicas); the offset stays. */
  freeBacklog(): void {
    this.stopPropagating();
    if (this.backlog === null) return;
    this.plainOffset = this.backlog.end;
    this.backlog = null;
  }

  /**
   * Promotion of a replica (redis shiftReplicationId): a new id, the old one kept as replid2 for the history
   * up to here, so replicas of the same former master resume with a partial resync.
   */
  shiftReplicationId(): void {
    this.replicationId2 = this.replicationId;
    this.secondReplOffset = this.offset + 1;
    this.replicationId = newReplicationId();
  }

  clearReplicationId2(): void {
    this.replicationId2 = NO_REPLICATION_ID;
    this.secondReplOffset = -1;
  }

  /** CONFIG SET repl-backlog-size. */
  resizeBacklog(): void {
    this.backlog?.resize(this.host.backlogSize());
  }

  // ------------------------------------------------------------------ replica side

  /** After a full sync: the master's history at `offset`, with a fresh backlog from there. */
  adoptHistory(replicationId: string, offset: number): void {
    this.replicationId = replicationId;
    this.clearReplicationId2();
    this.backlog = new ReplicationBacklog(this.host.backlogSize(), offset);
    this.plainOffset = offset;
  }

  /**
   * After +CONTINUE: the master's id is now ours; if it differs (the master was promoted from a sibling), the
   * old one is kept as replid2 up to here (redis replicationResurrectCachedMaster with a new id).
   */
  continueHistory(replicationId: string): void {
    if (replicationId !== this.replicationId) {
      this.replicationId2 = this.replicationId;
      this.secondReplOffset = this.offset + 1;
      this.replicationId = replicationId;
    }
    this.backlog ??= new ReplicationBacklog(this.host.backlogSize(), this.plainOffset);
  }

  /** Stream bytes a replica applied (whole commands): into its backlog, moving its offset. */
  applied(bytes: Uint8Array): void {
    if (this.backlog === null)
      this.backlog = new ReplicationBacklog(this.host.backlogSize(), this.plainOffset);
    this.backlog.append(bytes);
    this.stats.inputBytes += bytes.length;
  }

  /**
   * Whether a replica asking for (`replicationId`, `offset`) can continue from this node's backlog (redis
   * masterTryPartialResynchronization): the id is ours, or our replid2 up to where it is valid, and every
   * byte from `offset` on is held.
   */
  canContinue(replicationId: string, offset: number): boolean {
    if (this.backlog === null) return false;
    const known =
      replicationId === this.replicationId ||
      (replicationId === this.replicationId2 && offset + 1 <= this.secondReplOffset);
    return known && this.backlog.covers(offset);
  }
}
