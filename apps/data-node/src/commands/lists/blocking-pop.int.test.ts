// Blocking list commands over real sockets: a data-node started in-process on port 0, clients speaking raw
// RESP (to control what shares one packet) and ioredis. Assertions are on replies and their order only.
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { encodeCommand } from '@tessera/resp';
import { describe, expect, it } from 'vitest';
import { useInProcessNode } from '../../testing/in-process-node.js';

const node = useInProcessNode();

/** Length of the first complete RESP2 reply in `text`, or -1 (enough for list replies). */
function replyLength(text: string, at = 0): number {
  const eol = text.indexOf('\r\n', at);
  if (eol === -1) return -1;
  const n = Number(text.slice(at + 1, eol));
  const type = text[at];
  if (type === '$') return n < 0 ? eol + 2 - at : text.length >= eol + 4 + n ? eol + 4 + n - at : -1;
  if (type !== '*' || n < 0) return eol + 2 - at;
  let end = eol + 2;
  for (let i = 0; i < n; i++) {
    const length = replyLength(text, end);
    if (length === -1) return -1;
    end += length;
  }
  return end - at;
}

/** A raw RESP client: `send` writes every command in one packet; `next` awaits the next whole reply. */
class RawClient {
  private input = '';
  private wake: (() => void) | null = null;
  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.input += chunk.toString('latin1');
      this.wake?.();
    });
  }

  static async open(): Promise<RawClient> {
    const socket = connect(node().port, '127.0.0.1');
    await once(socket, 'connect');
    return new RawClient(socket);
  }

  send(...commands: string[][]): void {
    this.socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))));
  }

  async next(): Promise<string> {
    for (;;) {
      const length = replyLength(this.input);
      if (length !== -1) {
        const reply = this.input.slice(0, length);
        this.input = this.input.slice(length);
        return reply;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  /** Sends one command and returns its reply. */
  async call(...args: string[]): Promise<string> {
    this.send(args);
    return this.next();
  }

  close(): void {
    this.socket.destroy();
  }
}

const pair = (key: string, element: string) =>
  `*2\r\n$${key.length}\r\n${key}\r\n$${element.length}\r\n${element}\r\n`;

describe('blocking list commands over sockets', () => {
  it('BLPOP is woken by an LPUSH from another client', async () => {
    const [waiter, pusher] = await Promise.all([RawClient.open(), RawClient.open()]);
    waiter.send(['BLPOP', 'wake', '0']);
    await node().blockedClients(1);
    expect(await pusher.call('LPUSH', 'wake', 'v')).toBe(':1\r\n');
    expect(await waiter.next()).toBe(pair('wake', 'v'));
    waiter.close();
    pusher.close();
  });

  it('wakes two clients blocked on one key in the order they blocked', async () => {
    const [first, second, pusher] = await Promise.all([RawClient.open(), RawClient.open(), RawClient.open()]);
    first.send(['BLPOP', 'fifo', '0']);
    await node().blockedClients(1);
    second.send(['BLPOP', 'fifo', '0']);
    await node().blockedClients(2);
    await pusher.call('RPUSH', 'fifo', 'one', 'two');
    expect(await first.next()).toBe(pair('fifo', 'one'));
    expect(await second.next()).toBe(pair('fifo', 'two'));
    for (const c of [first, second, pusher]) c.close();
  });

  it('answers a null array when the timeout expires', async () => {
    const waiter = await RawClient.open();
    expect(await waiter.call('BLPOP', 'nothing', '0.05')).toBe('*-1\r\n');
    expect(await waiter.call('BLMOVE', 'nothing', 'x', 'LEFT', 'LEFT', '0.05')).toBe('*-1\r\n');
    expect(await waiter.call('PING')).toBe('+PONG\r\n');
    expect(node().state.blocking.blockedClients).toBe(0);
    waiter.close();
  });

  it('serves two pipelined BLPOPs of one packet in turn, after a client that blocked in between', async () => {
    const [piped, other, pusher] = await Promise.all([RawClient.open(), RawClient.open(), RawClient.open()]);
    piped.send(['BLPOP', 'piped', '0'], ['BLPOP', 'piped', '0']);
    await node().blockedClients(1);
    other.send(['BLPOP', 'piped', '0']);
    await node().blockedClients(2);
    await pusher.call('RPUSH', 'piped', 'x', 'y');
    expect(await piped.next()).toBe(pair('piped', 'x'));
    expect(await other.next()).toBe(pair('piped', 'y'));
    await node().blockedClients(1); // the second BLPOP found the list empty again
    await pusher.call('RPUSH', 'piped', 'z');
    expect(await piped.next()).toBe(pair('piped', 'z'));
    for (const c of [piped, other, pusher]) c.close();
  });

  it('runs the commands pipelined behind a blocked command only after it is served', async () => {
    const [waiter, pusher] = await Promise.all([RawClient.open(), RawClient.open()]);
    waiter.send(['BLPOP', 'behind', '0'], ['LLEN', 'behind'], ['RPUSH', 'behind-done', 'yes']);
    await node().blockedClients(1);
    expect(await pusher.call('LLEN', 'behind-done')).toBe(':0\r\n');
    await pusher.call('RPUSH', 'behind', 'a', 'b');
    expect(await waiter.next()).toBe(pair('behind', 'a'));
    expect(await waiter.next()).toBe(':1\r\n');
    expect(await waiter.next()).toBe(':1\r\n');
    waiter.close();
    pusher.close();
  });

  it('answers BLPOP inside MULTI at once', async () => {
    const client = await RawClient.open();
    client.send(
      ['MULTI'],
      ['BLPOP', 'multi-empty', '0'],
      ['RPUSH', 'multi-full', 'x'],
      ['BRPOP', 'multi-full', '0'],
    );
    expect([await client.next(), await client.next(), await client.next(), await client.next()]).toEqual([
      '+OK\r\n',
      '+QUEUED\r\n',
      '+QUEUED\r\n',
      '+QUEUED\r\n',
    ]);
    expect(await client.call('EXEC')).toBe(`*3\r\n*-1\r\n:1\r\n${pair('multi-full', 'x')}`);
    client.close();
  });

  it('chains BLMOVEs: each move wakes the client waiting on its destination', async () => {
    const clients = await Promise.all([
      RawClient.open(),
      RawClient.open(),
      RawClient.open(),
      RawClient.open(),
    ]);
    const [first, second, last, pusher] = clients as [RawClient, RawClient, RawClient, RawClient];
    first.send(['BLMOVE', 'c1', 'c2', 'LEFT', 'RIGHT', '0']);
    await node().blockedClients(1);
    second.send(['BLMOVE', 'c2', 'c3', 'LEFT', 'RIGHT', '0']);
    await node().blockedClients(2);
    last.send(['BRPOP', 'c3', '0']);
    await node().blockedClients(3);
    await pusher.call('RPUSH', 'c1', 'token');
    expect(await first.next()).toBe('$5\r\ntoken\r\n');
    expect(await second.next()).toBe('$5\r\ntoken\r\n');
    expect(await last.next()).toBe(pair('c3', 'token'));
    for (const c of clients) c.close();
  });

  it('forgets a blocked client that disconnects', async () => {
    const waiter = await RawClient.open();
    waiter.send(['BLPOP', 'gone', '0']);
    await node().blockedClients(1);
    waiter.close();
    await node().blockedClients(0);
    expect(node().state.blocking.blockingKeys).toBe(0);
    const pusher = await RawClient.open();
    expect(await pusher.call('RPUSH', 'gone', 'kept')).toBe(':1\r\n');
    expect(await pusher.call('LLEN', 'gone')).toBe(':1\r\n');
    pusher.close();
  });

  it('works for ioredis: blpop resolves with [key, element] once another connection pushes', async () => {
    // No ready check: it sends INFO, which is not what this test is about.
    const waiter = node().ioredis({ enableReadyCheck: false });
    const pusher = node().ioredis({ enableReadyCheck: false });
    const popped = waiter.blpop('ioredis-queue', 0);
    await node().blockedClients(1);
    await pusher.rpush('ioredis-queue', 'job-1', 'job-2');
    expect(await popped).toEqual(['ioredis-queue', 'job-1']);
    expect(await waiter.lmpop(1, 'ioredis-queue', 'LEFT')).toEqual(['ioredis-queue', ['job-2']]);
    expect(await waiter.brpoplpush('ioredis-queue', 'elsewhere', 0.05)).toBeNull();
    waiter.disconnect();
    pusher.disconnect();
  });
});
