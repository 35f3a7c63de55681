// What a command handler sees while it runs: its arguments, its client, the keyspace, the server, and the
// reply writer. One instance is reused for every command (no allocation per command); handlers must not keep
// a reference to it after they return.
import type { ReplyWriter } from '@tessera/resp';
import type { Database } from '../keyspace/database.js';
import type { ServerState } from '../server/server-state.js';
import type { ClientState } from '../server/client-state.js';
import type { CommandSpec } from './command-spec.js';

export interface BlockRequest {
  /** Keys whose change may let the command complete. */
  readonly keys: readonly string[];
  /** Timeout in ms; 0 blocks forever. */
  readonly timeoutMs: number;
  /** Writes the reply sent when the timeout expires. @default a null array */
  readonly onTimeout?: (client: ClientState) => void;
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
    return (this.args[i] as Buffer).toString('latin1');
  }

  /** Argument `i` upper-cased, for matching option names (SET ... NX). */
  option(i: number): string {
    return (this.args[i] as Buffer).toString('latin1').toUpperCase();
  }

  /** Replies with an error and counts it in errorstats. */
  error(text: string): void {
    this.failed = true;
    this.server.stats.countError(text);
    this.client.writer.error(text);
  }

  /**
   * Blocks the client until one of `request.keys` changes (then the command runs again) or the timeout
   * expires. Inside MULTI/EXEC, or when re-run after a wake-up, it does not block: EXEC answers the timeout
   * reply at once, and a re-run simply stays blocked.
   */
  block(request: BlockRequest): void {
    if (this.retryingBlocked) {
      this.blocked = true;
      return;
    }
    if (this.inExec) {
      (request.onTimeout ?? writeNullArray)(this.client);
      return;
    }
    this.blocked = true;
    this.server.blocking.block(this.client, this.args, request);
  }
}

function writeNullArray(client: ClientState): void {
  client.writer.nullArray();
}
