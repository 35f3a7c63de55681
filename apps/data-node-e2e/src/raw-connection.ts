// A minimal RESP connection for differential tests: sends commands (pipelined) and returns each reply as
// its raw bytes, so two servers' answers can be compared exactly.
import { connect, type Socket } from 'node:net';
import { encodeCommand } from '@tessera/resp';
import { frameEnd } from './reply-frames.js';

export class RawConnection implements AsyncDisposable {
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    const socket = connect({ port, host });
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawConnection(socket);
  }

  /** Sends every command at once and returns the raw bytes of each reply, in order. */
  async pipeline(commands: readonly (readonly (string | Buffer)[])[], timeoutMs = 20_000): Promise<Buffer[]> {
    this.socket.write(Buffer.concat(commands.map((c) => encodeCommand([...c]))));
    const replies: Buffer[] = [];
    const deadline = Date.now() + timeoutMs;
    while (replies.length < commands.length) {
      const end = frameEnd(this.buffer, 0);
      if (end !== -1) {
        replies.push(this.buffer.subarray(0, end));
        this.buffer = this.buffer.subarray(end);
        continue;
      }
      if (this.closed)
        throw new Error(`connection closed after ${replies.length} of ${commands.length} replies`);
      if (Date.now() > deadline)
        throw new Error(`timed out after ${replies.length} of ${commands.length} replies`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return replies;
  }

  async send(...command: (string | Buffer)[]): Promise<Buffer> {
    const [reply] = await this.pipeline([command]);
    return reply as Buffer;
  }

  close(): void {
    this.socket.destroy();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }
}
