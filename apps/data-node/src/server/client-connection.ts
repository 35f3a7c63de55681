// The socket side of one client: feeds received chunks to the RESP decoder, runs each command, and writes
// every reply produced while handling one chunk with a single socket.write (performance.md: one write per
// input chunk). Enforces the query-buffer and output-buffer limits, and holds back the client's commands
// (and stops reading) while it is blocked or suspended, or while its peer is not reading its replies. Closes connections
// that speak HTTP to it (Redis's cross-protocol scripting guard).
import type { Socket } from 'node:net';
import { RequestDecoder, type RespProtocolError } from '@tessera/resp';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { ServerState } from './server-state.js';
import { ClientState, ReplyMode, type ClientTransport, type ConnectionInfo } from './client-state.js';
import type { Logger } from '@tessera/telemetry';
import type { OutputLimit } from './output-limits.js';
import { clientPauseOf, type ClientPause } from './client-pause.js';

/**
 * Stop running a client's commands while this many reply bytes wait in its socket (backpressure): a client
 * that pipelines without reading its replies holds at most about this much output, plus one reply.
 */
const PAUSE_OUTPUT_BYTES = 4 * 1024 * 1024;
/** Within one input chunk, hand replies to the socket (and check the pause) once this many accumulate. */
const MID_CHUNK_FLUSH_BYTES = 256 * 1024;
/**
 * Before AUTH a client may hold at most this much unsent output (CVE-2025-21605: a client that pipelines
 * without reading must not grow the server's memory) ...
 */
const UNAUTHENTICATED_OUTPUT_BYTES = 1024;
/** ... and at most this much of an incomplete request (Redis: 1 MB query buffer before AUTH). */
const UNAUTHENTICATED_QUERY_BYTES = 1024 * 1024;
/** The cross-protocol warning is logged at most once a minute, like Redis's securityWarningCommand. */
const SECURITY_WARNING_INTERVAL_MS = 60_000;
let lastSecurityWarning = -Infinity;

/**
 * First words of an HTTP request: `POST` (any case), or a `Host:` header line. Compares bytes, since it runs
 * for every command (ORing 0x20 lower-cases ASCII letters; only `P`/`p` map to `p`, and so on).
 */
function isHttpCommand(name: Buffer): boolean {
  if (name.length === 4) {
    return (
      ((name[0] as number) | 0x20) === 0x70 &&
      ((name[1] as number) | 0x20) === 0x6f &&
      ((name[2] as number) | 0x20) === 0x73 &&
      ((name[3] as number) | 0x20) === 0x74
    );
  }
  if (name.length === 5) {
    return (
      ((name[0] as number) | 0x20) === 0x68 &&
      ((name[1] as number) | 0x20) === 0x6f &&
      ((name[2] as number) | 0x20) === 0x73 &&
      ((name[3] as number) | 0x20) === 0x74 &&
      name[4] === 0x3a
    );
  }
  return false;
}

/** Reads the mode afresh (TypeScript would keep a narrowing from before the command ran). */
function replyModeOf(client: ClientState): ReplyMode {
  return client.replyMode;
}

/** The socket's file descriptor (Node keeps it on the internal handle), -1 when unknown. */
function socketFd(socket: Socket): number {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  return typeof fd === 'number' ? fd : -1;
}

export class ClientConnection {
  readonly client: ClientState;
  private readonly decoder: RequestDecoder;
  private pausedForOutput = false;
  /** A command waits for the end of a CLIENT PAUSE; later ones queue behind it. */
  private heldForPause = false;
  private readonly pause: ClientPause;
  private softLimitSince = 0;

  constructor(
    private readonly socket: Socket,
    private readonly server: ServerState,
    private readonly dispatcher: Dispatcher,
    transport: ClientTransport,
    private readonly log: Logger,
  ) {
    const addr = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
    const laddr = `${socket.localAddress ?? '?'}:${socket.localPort ?? 0}`;
    this.client = new ClientState(server.allocateClientId(), addr, laddr, transport, {
      authenticated: !server.requiresAuth,
      now: server.now(),
    });
    this.decoder = new RequestDecoder(
      {
        command: (args) => this.onCommand(args),
        protocolError: (error) => this.onProtocolError(error),
      },
      {
        authenticated: this.client.authenticated,
        maxBulkLength: server.config.getNumber('proto-max-bulk-len'),
      },
    );
    this.pause = clientPauseOf(server);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
  }

  /** Called by the transport when AUTH/HELLO/RESET changed the client's authentication. */
  authenticationChanged(): void {
    this.decoder.setLimits({ authenticated: this.client.authenticated });
  }

  /** Socket-level facts for CLIENT LIST/INFO. */
  describe(): ConnectionInfo {
    return {
      fd: socketFd(this.socket),
      queryBuffer: this.decoder.bufferedBytes,
      outputBuffer: this.socket.writableLength,
    };
  }

  private onData(chunk: Buffer): void {
    const client = this.client;
    if (client.closing) return;
    client.netInput += chunk.length;
    this.server.stats.netInputBytes += chunk.length;
    client.lastInteraction = this.server.now();
    this.dispatcher.beginBatch();
    try {
      this.decoder.feed(chunk);
    } catch (err) {
      this.commandFailed(err);
      return;
    } finally {
      this.dispatcher.endBatch();
    }
    if (client.closing) return;
    const queryLimit = client.authenticated
      ? this.server.limits.queryBuffer
      : Math.min(this.server.limits.queryBuffer, UNAUTHENTICATED_QUERY_BYTES);
    if (this.decoder.bufferedBytes > queryLimit) {
      this.server.stats.queryBufferLimitDisconnections++;
      this.log.warn(
        { client: client.id, addr: client.addr },
        'closing client that reached max query buffer length',
      );
      this.kill();
      return;
    }
    this.flush();
  }

  private onCommand(args: Buffer[]): void {
    const client = this.client;
    if (client.closing) return;
    if (isHttpCommand(args[0] as Buffer)) {
      this.securityWarning();
      return;
    }
    if (client.blocked !== null || client.suspended !== null || this.pausedForOutput || this.heldForPause) {
      // Run later, in order: when the block, suspension or pause ends, or the peer has read enough replies.
      client.pending.push(args);
      return;
    }
    if (this.pause.active && this.pause.holds(client, args)) {
      this.holdForPause(args);
      return;
    }
    if (client.replyMode === ReplyMode.on) {
      this.dispatcher.execute(client, args);
      // One chunk can hold thousands of pipelined commands whose replies dwarf it (GET of a large value):
      // pass replies to the socket as they grow, so the pause can stop the rest of the chunk.
      if (client.writer.length >= MID_CHUNK_FLUSH_BYTES) this.flush();
      return;
    }
    // CLIENT REPLY OFF|SKIP: run the command, then drop what it wrote, unless the command itself turned
    // replies back on (CLIENT REPLY ON, RESET): Redis clears the flag before that command replies.
    const earlier = client.writer.take();
    const mode = client.replyMode;
    this.dispatcher.execute(client, args);
    const after = replyModeOf(client); // the command may have changed it
    if (after !== ReplyMode.on) client.writer.take();
    if (mode === ReplyMode.skip && after === ReplyMode.skip) client.replyMode = ReplyMode.on;
    if (earlier !== null) {
      const later = client.writer.take();
      client.writer.raw(earlier);
      if (later !== null) client.writer.raw(later);
    }
  }

  /**
   * CLIENT PAUSE holds `args`: it goes back to the front of the pending commands (it may come from there)
   * and the connection stops reading until the pause ends.
   */
  private holdForPause(args: Buffer[]): void {
    this.client.pending.unshift(args);
    this.heldForPause = true;
    this.socket.pause();
    this.pause.whenOver(() => {
      this.heldForPause = false;
      if (!this.waiting && !this.pausedForOutput) this.resumeReading();
    });
  }

  /**
   * `POST` or `Host:` as a command: someone is talking HTTP to us, maybe a browser tricked into it
   * (cross-protocol scripting). Like Redis, log it (rate limited) and drop the connection without replying.
   */
  private securityWarning(): void {
    const now = Date.now();
    if (now - lastSecurityWarning >= SECURITY_WARNING_INTERVAL_MS) {
      lastSecurityWarning = now;
      this.log.warn(
        { client: this.client.id, addr: this.client.addr },
        'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. ' +
          'This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your ' +
          'instance. Connection aborted.',
      );
    }
    this.kill();
  }

  /**
   * A command handler threw: a bug, never a reply to bad input (handlers answer bad input with Redis's
   * errors). The process survives; this client gets an error and is closed, since its transaction or
   * blocking state may be half-updated.
   */
  private commandFailed(err: unknown): void {
    this.log.error(
      { client: this.client.id, addr: this.client.addr, err },
      'command handler threw; closing client',
    );
    const text = 'ERR internal error, closing the connection (see the server log)';
    this.server.stats.countError(text);
    this.client.writer.error(text);
    this.closeAfterReply();
  }

  private onProtocolError(error: RespProtocolError): void {
    this.client.writer.error(`ERR ${error.message}`);
    this.server.stats.countError(`ERR ${error.message}`);
    this.log.debug({ client: this.client.id, err: error.message }, 'protocol error');
    this.client.closing = true;
    this.flush();
    this.socket.end();
  }

  /** Writes pending replies in one syscall and applies the output-buffer limits. */
  flush(): void {
    const client = this.client;
    const out = client.writer.take();
    if (out === null) return;
    if (this.socket.destroyed) return;
    client.netOutput += out.length;
    this.server.stats.netOutputBytes += out.length;
    this.socket.write(out);
    const pending = this.socket.writableLength;
    if (this.overOutputLimit(pending)) {
      this.server.stats.outputBufferLimitDisconnections++;
      this.log.warn(
        { client: client.id, addr: client.addr, pending },
        'closing client over output buffer limit',
      );
      this.kill();
      return;
    }
    if (pending > PAUSE_OUTPUT_BYTES && !this.pausedForOutput) {
      this.pausedForOutput = true;
      this.socket.pause();
    }
  }

  private onDrain(): void {
    if (!this.pausedForOutput) return;
    this.pausedForOutput = false;
    if (!this.waiting) this.resumeReading();
  }

  /** Blocked on keys or suspended on a deferred answer: its commands wait. */
  private get waiting(): boolean {
    return this.client.blocked !== null || this.client.suspended !== null;
  }

  private overOutputLimit(pending: number): boolean {
    if (!this.client.authenticated && pending > UNAUTHENTICATED_OUTPUT_BYTES) return true;
    const limit = this.outputLimit();
    if (limit.hard > 0 && pending >= limit.hard) return true;
    if (limit.soft > 0 && pending >= limit.soft) {
      const now = this.server.now();
      if (this.softLimitSince === 0) this.softLimitSince = now;
      else if (now - this.softLimitSince >= limit.softSeconds * 1000) return true;
    } else {
      this.softLimitSince = 0;
    }
    return false;
  }

  private outputLimit(): OutputLimit {
    const output = this.server.limits.output;
    return this.client.subscriptionCount !== 0 ? output.pubsub : output.normal;
  }

  /** Resumes after a block or suspension ends: runs the commands read meanwhile, then reads again. */
  resumeReading(): void {
    const client = this.client;
    this.dispatcher.beginBatch();
    try {
      while (this.runsPending()) {
        this.onCommand(client.pending.shift() as Buffer[]);
      }
    } catch (err) {
      this.commandFailed(err);
      return;
    } finally {
      this.dispatcher.endBatch();
    }
    this.flush();
    if (!this.waiting && !this.pausedForOutput && !this.heldForPause) this.socket.resume();
  }

  /** Whether the next pending command may run now. */
  private runsPending(): boolean {
    const client = this.client;
    return (
      client.pending.length !== 0 &&
      client.blocked === null &&
      client.suspended === null &&
      !client.closing &&
      !this.pausedForOutput &&
      !this.heldForPause
    );
  }

  pauseReading(): void {
    this.socket.pause();
  }

  /** Flushes what is pending, then closes (QUIT). */
  closeAfterReply(): void {
    this.client.closing = true;
    this.flush();
    this.socket.end();
  }

  kill(): void {
    this.client.closing = true;
    this.socket.destroy();
  }
}
