// What a command handler sees while it runs: its arguments, its client, the keyspace, the server, and the
// reply writer. One instance is reused for every command (no allocation per command); handlers must not keep
// a reference to it after they return.
import type { ReplyWriter } from '@tessera/resp';
import type { Database } from '../keyspace/database.js';
import type { ServerState } from '../server/server-state.js';
import type { ClientState } from '../server/client-state.js';
import type { SuspendRequest } from '../server/client-suspensions.js';
import type { CommandStat } from '../server/server-stats.js';
import type { CommandSpec } from './command-spec.js';

export interface BlockRequest {
  /** Keys whose change may let the command complete; the manager keeps this array while blocked. */
  readonly keys: readonly string[];
  /** Timeout in ms; 0 blocks forever. */
  readonly timeoutMs: number;
  /** Writes the reply sent when the timeout expires. @default a null array */
  readonly onTimeout?: (client: ClientState) => void;
}

/**
 * Node's native `Buffer.prototype.latin1Slice` (not in @types/node): the same bytes as `toString('latin1')`
 * without its argument handling, which measured 14% of SET's in-process cost (docs/benchmarks.md).
 */
interface Latin1Slicer {
  readonly length: number;
  latin1Slice(start: number, end: number): string;
}

export class CommandContext {
  args: Buffer[] = [];
  client!: ClientState;
  spec!: CommandSpec;
  /** True while EXEC replays a queued command (blocking commands then answer as if timed out). */
  inExec = false;
  /** True while a blocked command is re-run because one of its keys changed: it must not block again. */
  retryingBlocked = false;
  /** Set by `error()`: the command failed (commandstats failed_calls). */
  failed = false;
  /** Set by `block()`: the client is now blocked and no reply was written. */
  blocked = false;
  /** commandstats entry of the running command (a deferred error counts as its failed call). */
  stat: CommandStat | null = null;

  constructor(readonly server: ServerState) {}

  get db(): Database {
    return this.server.db;
  }

  get reply(): ReplyWriter {
    return this.client.writer;
  }

  get argc(): number {
    return this.args.length;
  }

  /** Argument `i` as a byte string (latin1: one char per byte, binary safe). */
  arg(i: number): string {
    const buf = this.args[i] as Buffer as unknown as Latin1Slicer;
    return buf.latin1Slice(0, buf.length);
  }

  /** Argument `i` upper-cased, for matching option names (SET ... NX). */
  option(i: number): string {
    return this.arg(i).toUpperCase();
  }

  /** Replies with an error and counts it in errorstats. */
  error(text: string): void {
    this.failed = true;
    this.server.stats.countError(text);
    this.client.writer.error(text);
  }

  /**
   * While a blocked command re-runs because a key changed: that key. The command serves itself from it
   * only, as Redis 7.0 serves a client blocked on several keys from the key that became ready. Null when
   * the command runs normally.
   */
  get wokenBy(): string | null {
    return this.retryingBlocked ? this.server.blocking.servingKey : null;
  }

  /**
   * Blocks the client until one of `request.keys` changes (then the command runs again) or the timeout
   * expires. Inside MULTI/EXEC it does not block: the timeout reply is written at once. A re-run that
   * still cannot complete stays blocked, keeping its place; a handler whose key holds another type on a
   * re-run must also stay blocked (Redis 7.0 serves only clients waiting for the key's type).
   */
  block(request: BlockRequest): void {
    if (this.retryingBlocked) {
      this.blocked = true;
      const key = this.server.blocking.servingKey;
      if (key !== null && !this.db.has(key)) this.server.blocking.servingKeyDrained();
      return;
    }
    if (this.inExec) {
      (request.onTimeout ?? writeNullArray)(this.client);
      return;
    }
    this.blocked = true;
    this.server.blocking.block(this.client, this.args, request);
  }

  /**
   * Replication: propagate `args` instead of this command's own arguments (redis rewriteClientCommandVector /
   * alsoPropagate), for an effect its arguments do not determine (which key a BLPOP served, which members
   * SPOP picked). Several calls propagate several commands. Nothing happens when the node has no replicas.
   */
  propagateAs(args: (string | Buffer)[]): void {
    this.server.propagator?.propagateAs(args);
  }

  /** Whether the command's effect is propagated (a master with replicas): build `propagateAs` arguments only then. */
  get propagating(): boolean {
    return this.server.propagator !== null;
  }

  /**
   * Suspends the client until `request.promise` settles or its timeout passes; `request.answer` then writes
   * the reply and the client's pipelined commands run in order (server/client-suspensions.ts). The command
   * is counted now. Never inside MULTI/EXEC or a blocked re-run, which cannot wait: callers answer there.
   */
  suspend<T>(request: SuspendRequest<T>): void {
    if (this.inExec || this.retryingBlocked) {
      throw new Error(`${this.spec.name} cannot suspend inside EXEC or a blocked command's re-run`);
    }
    this.server.suspensions.suspend(this.client, request, this.stat);
  }
}

function writeNullArray(client: ClientState): void {
  client.writer.nullArray();
}
