// One command on its way through the cluster: its encoded bytes (encoded once, resent as is), slot,
// read-only flag, retry history and where it went last. It is the ReplySink its connection settles, and
// hands what it gets to the executor, so a command costs one object and one promise, not a chain.
// No I/O and no decisions here.
import { RespError, type RespValue } from '@tessera/resp';
import type { ReplySink } from '../connection/connection.js';
import type { RetryCause } from '../redirect/redirect-table.js';
import type { NodeAddress } from '../topology/node-address.js';

/** What a command reports to (the executor). */
export interface CommandOwner {
  onErrorReply(command: ClusterCommand, error: RespError): void;
  onFailure(command: ClusterCommand, error: Error, sent: boolean): void;
}

export class ClusterCommand implements ReplySink {
  /** Redirections and retries taken so far. */
  redirections = 0;
  /** Resend here next instead of the slot owner (one-shot, set by ASK). */
  target: NodeAddress | null = null;
  /** Send ASKING right before the next attempt (one-shot, set by ASK). */
  asking = false;
  /** The node of the last attempt. */
  sentTo: NodeAddress | null = null;
  readonly #retries = { moved: 0, ask: 0, tryagain: 0, clusterdown: 0, connection: 0 };

  constructor(
    private readonly owner: CommandOwner,
    readonly encoded: Buffer,
    /** The slot, or -1 when the command has no key. */
    readonly slot: number,
    readonly readOnly: boolean,
    /** Reads, or writes the caller allows to resend after a lost connection. */
    readonly retrySafe: boolean,
    /** Reply timeout per attempt; undefined = the connection default. */
    readonly timeoutMs: number | undefined,
    readonly resolve: (value: RespValue) => void,
    readonly reject: (error: Error) => void,
  ) {}

  reply(value: RespValue): void {
    if (value instanceof RespError) this.owner.onErrorReply(this, value);
    else this.resolve(value);
  }

  fail(error: Error, sent: boolean): void {
    this.owner.onFailure(this, error, sent);
  }

  /** Retries already taken for causes of `kind` (the backoff exponent). */
  retriesOf(kind: RetryCause['kind']): number {
    return this.#retries[kind];
  }

  countRetry(kind: RetryCause['kind']): void {
    this.#retries[kind]++;
  }
}
