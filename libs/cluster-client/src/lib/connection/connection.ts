// One TCP connection to one node, speaking RESP through @tessera/resp. Commands are pipelined: each gets
// a reply sink, queued encoded commands go out in one socket write per tick (performance.md rule 1), and
// replies from the ReplyDecoder settle the sinks in order. It owns the connect timeout, the handshake,
// per-command timeouts and the closed state; it knows nothing of slots, redirects or reconnecting
// (the pool reconnects by making a new Connection).
import { connect, type Socket } from 'node:net';
import {
  encodeCommand,
  ReplyDecoder,
  RespError,
  type RespProtocolError,
  type RespValue,
} from '@tessera/resp';
import {
  ConnectFailedError,
  ConnectionClosedError,
  HandshakeFailedError,
  ProtocolError,
  TimeoutError,
} from '../errors.js';
import type { NodeAddress } from '../topology/node-address.js';
import type { ResolvedConnectionSettings } from './connection-settings.js';
import { FifoQueue } from './fifo-queue.js';
import { handshakeCommandName, handshakeCommands } from './handshake.js';

/** Lifecycle of a connection; it only moves forward. */
export const CONNECTION_STATES = {
  /** Waiting for the reconnect delay, or for the TCP connect. Commands queue. */
  CONNECTING: 'connecting',
  /** Connected; HELLO/AUTH/SETNAME/READONLY sent, replies awaited. Commands queue. */
  HANDSHAKING: 'handshaking',
  /** Commands are written as they come. */
  READY: 'ready',
  /** close() was called: no new commands; the socket ends once pending replies are in. */
  CLOSING: 'closing',
  /** Gone; every command sent to it fails with a ConnectionError. */
  CLOSED: 'closed',
} as const;
export type ConnectionState = (typeof CONNECTION_STATES)[keyof typeof CONNECTION_STATES];

/** Receives the outcome of one command. Exactly one method is called, once. */
export interface ReplySink {
  /** The reply, error replies included (as RespError values). */
  reply(value: RespValue): void;
  /** No reply will come. `sent` is false when the command was never written (safe to resend anywhere). */
  fail(error: Error, sent: boolean): void;
}

export interface ConnectionOptions extends ResolvedConnectionSettings {
  /** Send READONLY in the handshake (replica reads). Required (the pool sets it per role). */
  readOnly: boolean;
  /** Wait this long before opening the socket (reconnect backoff); 0 connects at once. Required. */
  connectDelayMs: number;
}

export interface ConnectionEvents {
  /** The handshake succeeded. */
  ready?(connection: Connection): void;
  /** The connection is gone; `error` says why (ConnectionClosedError after a clean close()). */
  closed?(connection: Connection, error: Error): void;
}

interface Pending {
  sink: ReplySink | null; // null once settled by a timeout (its reply, if any, is discarded)
  deadline: number;
  timeoutMs: number;
  encoded: Buffer | null; // dropped once written
}

/** Sink for commands whose reply nobody reads (ASKING). */
export const IGNORE_REPLY: ReplySink = { reply: () => undefined, fail: () => undefined };

/** Grace given to the peer to close after our FIN on close(). */
const END_GRACE_MS = 1000;

export class Connection {
  #state: ConnectionState = CONNECTION_STATES.CONNECTING;
  #socket: Socket | null = null;
  readonly #decoder: ReplyDecoder;
  /** Commands not yet written, in order. */
  #queued: Pending[] = [];
  /** Commands written, waiting for their replies, in order. */
  readonly #inflight = new FifoQueue<Pending>();
  /** Handshake command names whose replies are awaited (they precede every other reply). */
  #handshake: string[] = [];
  /** Commands with a sink (queued or in flight). */
  #live = 0;
  #flushScheduled = false;
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Infinity;
  #startTimer: NodeJS.Timeout | null = null;
  #connectTimer: NodeJS.Timeout | null = null;
  #closeError: Error | null = null;
  #socketError: Error | null = null;
  #lastActivity = Date.now();
  readonly #closed: Promise<void>;
  #resolveClosed!: () => void;

  constructor(
    readonly address: NodeAddress,
    private readonly options: ConnectionOptions,
    private readonly events: ConnectionEvents = {},
  ) {
    this.#closed = new Promise((resolve) => (this.#resolveClosed = resolve));
    this.#decoder = new ReplyDecoder(
      {
        reply: (value) => this.#onReply(value),
        protocolError: (error) => this.#onProtocolError(error),
        push: () => undefined, // RESP3 pushes (pub/sub, invalidation): not used by this client
      },
      { strings: options.replyStrings },
    );
    if (options.connectDelayMs > 0) {
      this.#startTimer = setTimeout(() => this.#open(), options.connectDelayMs);
    } else {
      this.#open();
    }
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Commands waiting for a reply or for the connection to be ready. */
  get pendingCount(): number {
    return this.#live;
  }

  /** Milliseconds since bytes last arrived (or since the connection was made). */
  idleMs(now = Date.now()): number {
    return now - this.#lastActivity;
  }

  /**
   * Queues one encoded command; `sink` gets its reply. Commands queued in one tick go out in one write.
   * @param timeoutMs reply timeout for this command; 0 waits forever.
   */
  write(encoded: Buffer, sink: ReplySink, timeoutMs = this.options.commandTimeoutMs): void {
    const state = this.#state;
    if (state === CONNECTION_STATES.CLOSING || state === CONNECTION_STATES.CLOSED) {
      sink.fail(this.#closeError ?? new ConnectionClosedError(this.address.key), false);
      return;
    }
    const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
    this.#queued.push({ sink, deadline, timeoutMs, encoded });
    this.#live++;
    if (deadline < this.#timerAt) this.#armTimer(deadline);
    if (!this.#flushScheduled && state === CONNECTION_STATES.READY) {
      this.#flushScheduled = true;
      process.nextTick(this.#flush);
    }
  }

  /** Sends `args` and resolves with the reply; error replies reject as RespError. */
  send(args: readonly (string | Buffer)[], timeoutMs?: number): Promise<RespValue> {
    return new Promise((resolve, reject) => {
      const sink: ReplySink = {
        reply: (value) => (value instanceof RespError ? reject(value) : resolve(value)),
        fail: (error) => reject(error),
      };
      this.write(encodeCommand(args), sink, timeoutMs);
    });
  }

  /**
   * Stops taking commands and ends the connection once every pending reply is in (or timed out).
   * A connection still connecting is dropped at once; its queued commands fail unsent.
   */
  close(): Promise<void> {
    if (this.#state === CONNECTION_STATES.READY) {
      this.#state = CONNECTION_STATES.CLOSING;
      if (this.#live === 0) this.#end();
    } else if (this.#state !== CONNECTION_STATES.CLOSING) {
      this.destroy(
        new ConnectionClosedError(this.address.key, `connection to ${this.address.key} closed by close()`),
      );
    }
    return this.#closed;
  }

  /** Drops the connection now; pending commands fail with `error`. */
  destroy(error: Error = new ConnectionClosedError(this.address.key)): Promise<void> {
    if (this.#state === CONNECTION_STATES.CLOSED) return this.#closed;
    this.#closeError ??= error;
    if (this.#socket === null) this.#finish();
    else this.#socket.destroy();
    return this.#closed;
  }

  // ---------------------------------------------------------------------------------------------------
  // Socket lifecycle.
  // ---------------------------------------------------------------------------------------------------

  #open(): void {
    this.#startTimer = null;
    if (this.#state === CONNECTION_STATES.CLOSED) return;
    const { host, port } = this.address;
    const socket = connect({ host, port, noDelay: true, keepAlive: true });
    this.#socket = socket;
    this.#connectTimer = setTimeout(() => {
      this.destroy(new TimeoutError('connect', this.address.key, this.options.connectTimeoutMs));
    }, this.options.connectTimeoutMs);
    socket.once('connect', () => this.#onConnect());
    socket.on('data', (chunk: Buffer) => {
      this.#lastActivity = Date.now();
      this.#decoder.feed(chunk);
    });
    socket.on('error', (error) => (this.#socketError = error));
    socket.once('close', () => this.#finish());
  }

  #onConnect(): void {
    this.#state = CONNECTION_STATES.HANDSHAKING;
    this.#lastActivity = Date.now();
    const commands = handshakeCommands(this.options);
    if (commands.length === 0) return this.#onReady();
    this.#handshake = commands.map(handshakeCommandName);
    const socket = this.#socket as Socket;
    socket.write(Buffer.concat(commands.map((args) => encodeCommand(args))));
  }

  #onReady(): void {
    this.#clearConnectTimer();
    this.#state = CONNECTION_STATES.READY;
    this.events.ready?.(this);
    if (this.#queued.length > 0) this.#flush();
  }

  /** Ends the socket after a graceful close (all replies in). */
  #end(): void {
    const socket = this.#socket;
    if (socket === null) return void this.#finish();
    socket.end();
    setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
  }

  /** The socket is gone (or never opened): fail what is left, settle close(). Runs once. */
  #finish(): void {
    if (this.#state === CONNECTION_STATES.CLOSED) return;
    const previous = this.#state;
    this.#state = CONNECTION_STATES.CLOSED;
    this.#clearConnectTimer();
    if (this.#startTimer !== null) clearTimeout(this.#startTimer);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const error = this.#closeError ?? this.#lossError(previous);
    this.#closeError = error;
    for (const pending of this.#inflight.drain()) this.#settleFailed(pending, error, true);
    const queued = this.#queued;
    this.#queued = [];
    for (const pending of queued) this.#settleFailed(pending, error, false);
    this.#decoder.reset();
    this.events.closed?.(this, error);
    this.#resolveClosed();
  }

  /** Why the socket went away when nobody destroyed it on purpose. */
  #lossError(previous: ConnectionState): Error {
    const key = this.address.key;
    const cause = this.#socketError ?? undefined;
    if (previous === CONNECTION_STATES.CONNECTING) return new ConnectFailedError(key, { cause });
    if (previous === CONNECTION_STATES.CLOSING) {
      return new ConnectionClosedError(key, `connection to ${key} closed by close()`);
    }
    return new ConnectionClosedError(key, `connection to ${key} lost${cause ? `: ${cause.message}` : ''}`, {
      cause,
    });
  }

  #clearConnectTimer(): void {
    if (this.#connectTimer !== null) clearTimeout(this.#connectTimer);
    this.#connectTimer = null;
  }

  // ---------------------------------------------------------------------------------------------------
  // Writing and replies.
  // ---------------------------------------------------------------------------------------------------

  /** Writes every queued command in one socket write (skipping those that already timed out). */
  readonly #flush = (): void => {
    this.#flushScheduled = false;
    const state = this.#state;
    if (
      (state !== CONNECTION_STATES.READY && state !== CONNECTION_STATES.CLOSING) ||
      this.#queued.length === 0
    ) {
      return;
    }
    const queued = this.#queued;
    this.#queued = [];
    const chunks: Buffer[] = [];
    for (const pending of queued) {
      if (pending.sink === null) continue;
      chunks.push(pending.encoded as Buffer);
      pending.encoded = null;
      this.#inflight.push(pending);
    }
    if (chunks.length === 0) return;
    (this.#socket as Socket).write(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  };

  #onReply(value: RespValue): void {
    if (this.#handshake.length > 0) return this.#onHandshakeReply(value);
    const pending = this.#inflight.shift();
    if (pending === undefined) {
      void this.destroy(
        new ProtocolError(this.address.key, 'a reply arrived with no command waiting for it'),
      );
      return;
    }
    const sink = pending.sink;
    if (sink !== null) {
      pending.sink = null;
      this.#live--;
      sink.reply(value);
    }
    if (this.#state === CONNECTION_STATES.CLOSING && this.#live === 0) this.#end();
  }

  #onHandshakeReply(value: RespValue): void {
    const command = this.#handshake.shift() as string;
    if (value instanceof RespError) {
      void this.destroy(new HandshakeFailedError(this.address.key, command, { cause: value }));
      return;
    }
    if (this.#handshake.length === 0) this.#onReady();
  }

  #onProtocolError(error: RespProtocolError): void {
    void this.destroy(new ProtocolError(this.address.key, error.message, { cause: error }));
  }

  #settleFailed(pending: Pending, error: Error, sent: boolean): void {
    const sink = pending.sink;
    if (sink === null) return;
    pending.sink = null;
    pending.encoded = null;
    this.#live--;
    sink.fail(error, sent);
  }

  // ---------------------------------------------------------------------------------------------------
  // Command timeouts: one timer per connection, armed for the earliest deadline.
  // ---------------------------------------------------------------------------------------------------

  #armTimer(deadline: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timerAt = deadline;
    this.#timer = setTimeout(this.#onTimer, Math.max(0, deadline - Date.now()));
    this.#timer.unref();
  }

  readonly #onTimer = (): void => {
    this.#timer = null;
    this.#timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    const expire = (pending: Pending, sent: boolean) => {
      if (pending.sink === null) return;
      if (pending.deadline <= now) {
        this.#settleFailed(pending, new TimeoutError('command', this.address.key, pending.timeoutMs), sent);
      } else if (pending.deadline < next) {
        next = pending.deadline;
      }
    };
    for (let i = 0; i < this.#inflight.length; i++) expire(this.#inflight.at(i) as Pending, true);
    for (const pending of this.#queued) expire(pending, false);
    if (next !== Infinity) this.#armTimer(next);
    if (this.#state === CONNECTION_STATES.CLOSING && this.#live === 0) this.#end();
  };
}
