// A master's feed of the replication stream (redis propagate / alsoPropagate / propagatePendingCommands and
// feedReplicationBuffer, src/server.c and src/replication.c): every command that changed the dataset is
// written after it ran, in the form that reproduces its effect (propagation-rewrites.ts, or what the handler
// asked for with `CommandContext.propagateAs`); keys the server deleted on its own (expiry, eviction) go as
// DEL; when one top-level call propagates more than one command (an EXEC, or a command and the expiry it
// triggered) they are wrapped in MULTI/EXEC, as Redis 7 does. The bytes collect in one buffer, and once per
// event-loop turn (or at 64 KB) they are appended to the backlog and handed to the replicas as one chunk:
// frames carry many commands (performance.md: one gRPC message per command caps throughput).
//
// It exists only while the node is a master with a backlog: the dispatcher reads `ServerState.propagator`
// and does nothing more while it is null, so a node without replicas pays nothing for replication.
import type { CommandEntry } from '../commands/command-entry.js';
import type { Database } from '../keyspace/database.js';
import { PROPAGATION_REWRITES } from './propagation-rewrites.js';
import type { ReplicationBacklog } from './replication-backlog.js';
import { StreamWriter, type StreamArg } from './stream-writer.js';

/** Where new stream bytes go once they are in the backlog (the replicas). */
export interface StreamSink {
  /** `chunk` holds whole commands and starts at stream offset `offset`, right after the previous chunk. */
  streamed(chunk: Buffer, offset: number): void;
}

/** Pending bytes that make a flush happen at once instead of at the end of the event-loop turn. */
const FLUSH_BYTES = 64 * 1024;

export class CommandPropagator {
  private readonly writer = new StreamWriter();
  /** Inside a top-level call: commands are counted for the MULTI/EXEC wrapping decided at its end. */
  private inCall = false;
  private callStart = 0;
  private callOps = 0;
  /** What the running command asked to propagate instead of itself. */
  private rewritten: StreamArg[][] | null = null;
  private flushScheduled = false;
  private closed = false;
  private readonly flushLater = (): void => {
    this.flushScheduled = false;
    if (!this.inCall) this.flush();
  };

  constructor(
    private readonly backlog: ReplicationBacklog,
    private readonly db: Database,
    private readonly sink: StreamSink,
  ) {}

  /** master_repl_offset: the stream's end, including bytes not flushed yet. */
  get offset(): number {
    return this.backlog.end + this.writer.length;
  }

  /**
   * Before a command runs. `inExec`: replayed by EXEC, inside the call of EXEC itself. Returns the dataset's
   * change counter, for `afterCommand`.
   */
  beforeCommand(inExec: boolean): number {
    this.rewritten = null;
    if (!inExec) {
      if (this.inCall) this.endCall(); // a handler that threw left its call open
      this.inCall = true;
      this.callStart = this.writer.length;
      this.callOps = 0;
    }
    return this.db.dirty;
  }

  /** After a command ran: propagates it if it changed the dataset (and did not block), then ends the call. */
  afterCommand(
    entry: CommandEntry,
    args: readonly Buffer[],
    inExec: boolean,
    dirty: number,
    blocked: boolean,
  ): void {
    if (!blocked && entry.propagate && this.db.dirty !== dirty) this.commandDone(entry, args);
    this.rewritten = null;
    if (!inExec) this.endCall();
  }

  /** The running command's effect, to propagate instead of its arguments (may be called several times). */
  propagateAs(args: StreamArg[]): void {
    (this.rewritten ??= []).push(args);
  }

  /** Propagates one command (a DEL for an expired key...): inside a call it joins the call's commands. */
  propagate(args: readonly StreamArg[]): void {
    if (this.closed) return;
    this.writer.command(args);
    if (this.inCall) this.callOps++;
    else this.committed();
  }

  /** Appends the pending bytes to the backlog and hands them to the replicas now (never inside a call). */
  flush(): void {
    if (this.inCall) return;
    const chunk = this.writer.take();
    if (chunk === null) return;
    const offset = this.backlog.end;
    this.backlog.append(chunk);
    this.sink.streamed(chunk, offset);
  }

  /** Flushes what is pending and propagates nothing more (the node is no longer a master with a backlog). */
  close(): void {
    if (this.closed) return;
    this.inCall = false;
    this.flush();
    this.closed = true;
  }

  private commandDone(entry: CommandEntry, args: readonly Buffer[]): void {
    const rewritten = this.rewritten;
    if (rewritten !== null) {
      for (const command of rewritten) this.propagate(command);
      return;
    }
    let rewrite = entry.propagationRewrite;
    if (rewrite === undefined)
      rewrite = entry.propagationRewrite = PROPAGATION_REWRITES.get(entry.fullName) ?? null;
    const commands = rewrite === null ? null : rewrite(args, this.db);
    if (commands === null) this.propagate(args);
    else for (const command of commands) this.propagate(command);
  }

  private endCall(): void {
    this.inCall = false;
    if (this.callOps === 0) return;
    if (this.callOps > 1) this.writer.wrapInTransaction(this.callStart);
    this.callOps = 0;
    this.committed();
  }

  private committed(): void {
    if (this.closed) return;
    if (this.writer.length >= FLUSH_BYTES) {
      this.flush();
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flushLater);
  }
}
