// A minimal RESP client for benches: one connection, commands answered in order, and a windowed pipelined
// loader that writes many commands per socket write (to fill a server with a dataset quickly). Uses the
// @tessera/resp encoder and reply decoder; no reconnects, no cluster redirects, no timeouts.
import { connect, type Socket } from 'node:net';
import { encodeCommand, ReplyDecoder, RespError, type RespValue } from '@tessera/resp';

type ReplyCallback = (value: RespValue) => void;

export interface LoadResult {
  /** Commands sent (all were answered when the promise resolves). */
  sent: number;
  /** Error replies among them, and the first one's text. */
  errors: number;
  firstError: string | null;
}

export class RespClient {
  private readonly waiting: ReplyCallback[] = [];
  private head = 0;
  private failure: Error | null = null;
  /** Rejects the running load() when the connection fails. */
  private failWith: ((error: Error) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    const decoder = new ReplyDecoder(
      {
        reply: (value) => this.deliver(value),
        protocolError: (error) => this.fail(error),
      },
      { strings: 'latin1' },
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => decoder.feed(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RespClient(socket));
      });
    });
  }

  /** Sends one command; resolves with its reply (a RespError value for an error reply). */
  command(args: readonly (string | Buffer)[]): Promise<RespValue> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null) return reject(this.failure);
      this.waiting.push(resolve);
      this.socket.write(encodeCommand(args));
    });
  }

  /**
   * Sends `count` commands built by `build(i)`, `batch` per socket write, with at most `window` batches
   * unanswered, and resolves once every reply arrived.
   */
  load(count: number, build: (i: number) => Buffer, batch = 1000, window = 8): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const result: LoadResult = { sent: 0, errors: 0, firstError: null };
      let answered = 0;
      const sendMore = (): void => {
        while (result.sent < count && result.sent - answered < batch * window) {
          const n = Math.min(batch, count - result.sent);
          const parts: Buffer[] = new Array<Buffer>(n);
          for (let k = 0; k < n; k++) {
            parts[k] = build(result.sent + k);
            this.waiting.push(onReply);
          }
          result.sent += n;
          this.socket.write(Buffer.concat(parts));
        }
      };
      const onReply: ReplyCallback = (value) => {
        answered++;
        if (value instanceof RespError) {
          result.errors++;
          result.firstError ??= value.message;
        }
        if (answered === count) resolve(result);
        else if (answered % batch === 0) sendMore();
      };
      if (this.failure !== null) return reject(this.failure);
      if (count === 0) return resolve(result);
      this.failWith = reject;
      sendMore();
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private deliver(value: RespValue): void {
    const callback = this.waiting[this.head++];
    if (this.head > 4096 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    callback?.(value);
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.failWith?.(error);
    // Pending single commands see the failure as their reply.
    const pending = this.waiting.splice(this.head);
    this.head = 0;
    for (const callback of pending) callback(new RespError(`ERR client: ${error.message}`));
  }
}
