// Protocol abuse and resource limits against the built data-node process, over real sockets: the
// "(c) Bad-input cases" of docs/design/ops-reliability.md. Wherever Redis 7.0 answers the same abuse the
// same way, the exact bytes and whether the connection is closed are compared with a real redis-server;
// the limits Redis 7.0 lacks or words differently (pre-auth output cap, disconnection counters) are checked
// on the data-node alone. Nothing asserts on timing: waits end on replies, closes or INFO counters.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { encodeCommand } from '@tessera/resp';
import { startDataNode, startRedisServer, type RunningServer } from '@tessera/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** How long a connection may take to answer or close before the test fails (a bound, not a measurement). */
const DEADLINE_MS = 20_000;

/** A raw socket recording every byte received and whether the server closed it. */
class Probe {
  received = Buffer.alloc(0);
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static async open(port: number, host = '127.0.0.1'): Promise<Probe> {
    const socket = connect(port, host);
    await once(socket, 'connect');
    return new Probe(socket);
  }

  get text(): string {
    return this.received.toString('latin1');
  }

  /** Resolves once `done()` holds or the connection closed; fails after DEADLINE_MS. */
  async until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    while (!done() && !this.closed) {
      if (Date.now() > deadline)
        throw new Error(
          `no ${what} within ${DEADLINE_MS} ms; got ${JSON.stringify(this.text.slice(0, 200))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitClosed(): Promise<void> {
    await this.until(() => this.closed, 'close');
  }

  destroy(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** What a server did with some input: the bytes it answered and whether it closed the connection. */
interface Outcome {
  readonly reply: string;
  readonly closed: boolean;
}

/**
 * Sends `input` (split into the given chunks, each written on its own turn of the event loop), then a
 * PING. The outcome is complete when the server has closed the connection or answered the PING. Before
 * AUTH, PING only gets NOAUTH: `terminator: 'QUIT'` ends with QUIT (allowed unauthenticated) and waits for
 * the close instead; `'none'` sends nothing more and waits for the server to close (input it must refuse).
 */
async function exchange(
  port: number,
  input: (string | Buffer)[],
  options: { host?: string; terminator?: 'PING' | 'QUIT' | 'none' } = {},
): Promise<Outcome> {
  const probe = await Probe.open(port, options.host);
  const terminator = options.terminator ?? 'PING';
  try {
    for (const chunk of input) {
      probe.socket.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!probe.closed && terminator !== 'none') probe.socket.write(`${terminator}\r\n`);
    const ping = terminator === 'PING';
    await probe.until(() => ping && probe.text.endsWith('+PONG\r\n'), ping ? 'PONG or close' : 'close');
    return { reply: probe.text, closed: probe.closed };
  } finally {
    probe.destroy();
  }
}

/** INFO field of a server, read on a fresh (authenticated) connection. */
async function info(port: number, field: string, password?: string): Promise<string> {
  const probe = await Probe.open(port);
  try {
    if (password !== undefined) probe.socket.write(encodeCommand(['AUTH', password]));
    probe.socket.write(encodeCommand(['INFO', 'everything']));
    await probe.until(() => probe.text.includes('# Keyspace'), 'INFO');
    const line = probe.text.split('\r\n').find((l) => l.startsWith(`${field}:`));
    return line?.slice(field.length + 1) ?? '';
  } finally {
    probe.destroy();
  }
}

/** Polls an INFO field until it has `value`; fails after DEADLINE_MS. */
async function infoBecomes(port: number, field: string, value: string, password?: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  let current = await info(port, field, password);
  while (current !== value) {
    if (Date.now() > deadline) throw new Error(`${field} stayed ${current}, expected ${value}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await info(port, field, password);
  }
}

const command = (...args: string[]) => encodeCommand(args);

describe('client RESP port: the data-node answers abuse exactly like redis-server', () => {
  let ours: RunningServer;
  let redis: RunningServer;
  beforeAll(async () => {
    [ours, redis] = await Promise.all([startDataNode(), startRedisServer()]);
  });
  afterAll(async () => {
    await Promise.all([ours?.stop(), redis?.stop()]);
  });

  const flood = 'x'.repeat(100_000);
  const cases: [string, (string | Buffer)[]][] = [
    ['an empty line is ignored', ['\r\n']],
    ['a negative multibulk count is ignored', ['*-10\r\n']],
    ['the smallest multibulk count is ignored', ['*-2147483648\r\n']],
    ['an empty multibulk is ignored', ['*0\r\n']],
    ['a multibulk count beyond 32 bits is refused', ['*3000000000\r\n']],
    ['a multibulk count beyond INT_MAX is refused', ['*2147483648\r\n']],
    ['a negative bulk length is refused', ['*1\r\n$-10\r\n']],
    ['a null bulk in a request is refused', ['*1\r\n$-1\r\n']],
    ['a bulk length that is not a number is refused', ['*1\r\n$blabla\r\n']],
    ['a bulk length over proto-max-bulk-len is refused', ['*1\r\n$2000000000\r\n']],
    ['a bulk length of LLONG_MAX is refused', ['*1\r\n$9223372036854775807\r\n']],
    ['a bulk length beyond LLONG_MAX is refused', ['*1\r\n$9223372036854775808\r\n']],
    ['a missing $ after complete arguments is refused', ['*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz']],
    ['a missing $ in the first argument is refused', ['*1\r\nfoo']],
    ['a NUL then a flood is refused', ['\x00', flood]],
    ['*NUL then a flood is refused', ['*\x00', flood]],
    ['$NUL then a flood is refused', ['*1\r\n$\x00', flood]],
    ['unbalanced quotes in an inline request are refused', ['set """test-key""" v\r\n']],
  ];
  for (const [name, input] of cases) {
    it(name, async () => {
      const [mine, theirs] = await Promise.all([exchange(ours.port, input), exchange(redis.port, input)]);
      expect(mine).toEqual(theirs);
    });
  }

  // Lines over 64 KB with no CR: sent alone, so neither server can see a terminator before it gives up.
  const unterminated: [string, string][] = [
    ['a multibulk count line over 64 KB is refused', `*${'1'.repeat(70_000)}`],
    ['a bulk length line over 64 KB is refused', `*1\r\n$${'1'.repeat(70_000)}`],
    ['an inline request over 64 KB is refused', 'A'.repeat(70_000)],
  ];
  for (const [name, line] of unterminated) {
    it(name, async () => {
      const options = { terminator: 'none' } as const;
      const [mine, theirs] = await Promise.all([
        exchange(ours.port, [line], options),
        exchange(redis.port, [line], options),
      ]);
      expect(mine).toEqual(theirs);
      expect(mine.closed).toBe(true);
    });
  }

  it('a huge multibulk count that never arrives allocates nothing and blocks no one', async () => {
    const stalled = await Probe.open(ours.port);
    stalled.socket.write('*2147483647\r\n$3\r\nSET\r\n');
    const other = await exchange(ours.port, []);
    expect(other).toEqual({ reply: '+PONG\r\n', closed: false });
    const list = await exchange(ours.port, [command('CLIENT', 'LIST')]);
    const line = list.reply.split('\n').find((l) => l.includes('cmd=NULL'));
    expect(Number(/ qbuf=(\d+) /.exec(line ?? '')?.[1])).toBeLessThan(1024);
    stalled.destroy();
  });

  it('gives the same replies whether a pipeline arrives whole or byte by byte', async () => {
    const pipeline = Buffer.concat([
      command('FLUSHALL'),
      command('SET', 'k', 'v'),
      Buffer.from('GET k\r\nINCR n\r\n'),
      command('MSET', 'a', '1', 'b', '2'),
      command('MGET', 'a', 'b', 'k'),
      Buffer.from('\r\n*0\r\nECHO "hello world"\r\n'),
    ]);
    const bytes = [...pipeline].map((byte) => Buffer.from([byte]));
    const whole = await exchange(ours.port, [pipeline]);
    const split = await exchange(ours.port, bytes);
    const theirs = await exchange(redis.port, bytes);
    expect(split).toEqual(whole);
    expect(split).toEqual(theirs);
  });

  it('MSET with 20 001 arguments works', async () => {
    const args = ['MSET'];
    for (let i = 0; i < 10_000; i++) args.push(`key:${i}`, `value:${i}`);
    const input = [command(...args), command('GET', 'key:9999'), command('DBSIZE')];
    const [mine, theirs] = await Promise.all([exchange(ours.port, input), exchange(redis.port, input)]);
    expect(mine).toEqual(theirs);
    expect(mine.reply).toContain('$10\r\nvalue:9999\r\n');
  });

  it('serves two BLPOPs pipelined in one packet in order', async () => {
    const waiter = await Probe.open(ours.port);
    waiter.socket.write(Buffer.concat([command('BLPOP', 'q', '0'), command('BLPOP', 'q', '0')]));
    const pusher = await exchange(ours.port, [command('DBSIZE'), command('RPUSH', 'q', 'first', 'second')]);
    expect(pusher.reply).toMatch(/:2\r\n\+PONG\r\n$/);
    await waiter.until(() => waiter.text.split('\r\n').length > 10, 'both BLPOP replies');
    expect(waiter.text).toBe('*2\r\n$1\r\nq\r\n$5\r\nfirst\r\n*2\r\n$1\r\nq\r\n$6\r\nsecond\r\n');
    waiter.destroy();
  });

  it('closes connections that speak HTTP without replying, like redis-server', async () => {
    for (const request of [
      'POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n',
    ]) {
      const [mine, theirs] = await Promise.all([
        exchange(ours.port, [request]),
        exchange(redis.port, [request]),
      ]);
      expect(mine).toEqual(theirs);
      expect(mine.closed).toBe(true);
    }
  });
});

describe('before AUTH', () => {
  let ours: RunningServer;
  let redis: RunningServer;
  beforeAll(async () => {
    const args = ['--requirepass', 's3cret'];
    [ours, redis] = await Promise.all([startDataNode({ args }), startRedisServer({ args })]);
  });
  afterAll(async () => {
    await Promise.all([ours?.stop(), redis?.stop()]);
  });

  const cases: [string, (string | Buffer)[]][] = [
    [
      'more than 10 arguments are refused',
      [command('MSET', ...Array.from({ length: 10 }, (_, i) => `k${i}`))],
    ],
    ['a bulk over 16384 bytes is refused before it is read', [`*2\r\n$4\r\nAUTH\r\n$16385\r\n`]],
    ['commands answer NOAUTH', [command('GET', 'k'), 'PING\r\n']],
    [
      'the same limits are lifted by AUTH in the same packet',
      [command('AUTH', 's3cret'), command('MSET', ...Array.from({ length: 12 }, (_, i) => `k${i}`))],
    ],
  ];
  for (const [name, input] of cases) {
    it(name, async () => {
      const [mine, theirs] = await Promise.all([
        exchange(ours.port, input, { terminator: 'QUIT' }),
        exchange(redis.port, input, { terminator: 'QUIT' }),
      ]);
      expect(mine).toEqual(theirs);
    });
  }

  it('a client that pipelines without reading is disconnected once 1 KB of replies wait', async () => {
    const before = Number(await info(ours.port, 'client_output_buffer_limit_disconnections', 's3cret'));
    const greedy = await Probe.open(ours.port);
    greedy.socket.pause();
    greedy.socket.write('PING\r\n'.repeat(1_000_000)); // 6 MB in, 32 MB of NOAUTH replies out
    await infoBecomes(ours.port, 'client_output_buffer_limit_disconnections', String(before + 1), 's3cret');
    await infoBecomes(ours.port, 'connected_clients', '1', 's3cret'); // only the INFO connection is left
    greedy.destroy();
  });
});

describe('resource limits', () => {
  let ours: RunningServer;
  beforeAll(async () => {
    ours = await startDataNode({
      args: ['--maxclients', '4', '--client-query-buffer-limit', '1mb', '--timeout', '1'],
    });
  });
  afterAll(async () => {
    await ours?.stop();
  });

  it('refuses connections beyond maxclients and counts them', async () => {
    const held = await Promise.all([0, 1, 2, 3].map(() => Probe.open(ours.port)));
    for (const probe of held) probe.socket.write('PING\r\n');
    await Promise.all(held.map((probe) => probe.until(() => probe.text === '+PONG\r\n', 'PONG')));
    const refused = await Probe.open(ours.port);
    await refused.waitClosed();
    expect(refused.text).toBe('-ERR max number of clients reached\r\n');
    const admin = held[0] as Probe; // asking on a held connection: a new one would be refused too
    admin.socket.write(encodeCommand(['INFO', 'stats']));
    await admin.until(() => admin.text.includes('rejected_connections:'), 'INFO');
    expect(admin.text).toContain('\r\nrejected_connections:1\r\n');
    for (const probe of held) probe.destroy();
    // The next tests need the slots back: wait until the server has seen these connections close.
    const deadline = Date.now() + DEADLINE_MS;
    while ((await exchange(ours.port, [])).reply !== '+PONG\r\n') {
      if (Date.now() > deadline) throw new Error('maxclients slots were never freed');
    }
  });

  it('disconnects a client whose incomplete request outgrows client-query-buffer-limit, and counts it', async () => {
    const probe = await Probe.open(ours.port);
    probe.socket.write('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4000000\r\n');
    probe.socket.write('x'.repeat(1_500_000));
    await probe.waitClosed();
    expect(probe.text).toBe('');
    await infoBecomes(ours.port, 'client_query_buffer_limit_disconnections', '1');
  });

  it('disconnects a reader slower than the client-output-buffer-limit hard limit, and counts it', async () => {
    const admin = await exchange(ours.port, [
      command('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1mb 0 0'),
      command('SET', 'big', 'x'.repeat(1_000_000)),
    ]);
    expect(admin.reply).toBe('+OK\r\n+OK\r\n+PONG\r\n');
    const slow = await Probe.open(ours.port);
    slow.socket.pause();
    slow.socket.write(Buffer.concat(Array.from({ length: 40 }, () => command('GET', 'big'))));
    await infoBecomes(ours.port, 'client_output_buffer_limit_disconnections', '1');
    slow.destroy();
    await exchange(ours.port, [command('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0')]);
  });

  it('holds back the commands of a client that does not read, keeping its output bounded', async () => {
    await exchange(ours.port, [command('SET', 'big', 'x'.repeat(100_000))]);
    const slow = await Probe.open(ours.port);
    slow.socket.pause();
    slow.socket.write(Buffer.concat(Array.from({ length: 2000 }, () => command('GET', 'big'))));
    let omem = 0;
    while (omem === 0) {
      const list = await exchange(ours.port, [command('CLIENT', 'LIST')]);
      const line = list.reply.split('\n').find((l) => l.includes('cmd=get '));
      omem = Number(/ omem=(\d+) /.exec(line ?? '')?.[1] ?? 0);
    }
    expect(omem).toBeLessThan(8 * 1024 * 1024);
    slow.destroy();
  });

  it('closes idle clients after `timeout` seconds but keeps subscribers', async () => {
    const idle = await Probe.open(ours.port);
    const subscriber = await Probe.open(ours.port);
    subscriber.socket.write(command('SUBSCRIBE', 'news'));
    await subscriber.until(() => subscriber.text.endsWith(':1\r\n'), 'subscribe reply');
    await idle.waitClosed();
    expect(subscriber.closed).toBe(false);
    subscriber.socket.write(command('PING'));
    await subscriber.until(() => subscriber.text.endsWith('$0\r\n\r\n'), 'pong');
    subscriber.destroy();
  });
});

describe('protected mode', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
  let ours: RunningServer;
  let redis: RunningServer;
  beforeAll(async () => {
    const args = ['--bind', '0.0.0.0', '--protected-mode', 'yes'];
    [ours, redis] = await Promise.all([startDataNode({ args }), startRedisServer({ args })]);
  });
  afterAll(async () => {
    await Promise.all([ours?.stop(), redis?.stop()]);
  });

  it('refuses non-loopback clients when no password is set, with the same text as redis-server', async () => {
    expect(external, 'this test needs a non-loopback IPv4 interface').toBeDefined();
    const [mine, theirs] = await Promise.all([
      exchange(ours.port, [], { host: external }),
      exchange(redis.port, [], { host: external }),
    ]);
    expect(mine).toEqual(theirs);
    expect(mine.reply).toMatch(/^-DENIED Redis is running in protected mode/);
    expect(await exchange(ours.port, [])).toEqual({ reply: '+PONG\r\n', closed: false });
  });
});

describe('shutdown', () => {
  /** Resolves with the exit code once the process has exited. */
  async function exitCode(server: RunningServer): Promise<number | null> {
    const child = server.process.child;
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    return child.exitCode;
  }

  it('SIGTERM closes every client, even one that never reads, and exits 0', async () => {
    const node = await startDataNode();
    try {
      await exchange(node.port, [command('SET', 'big', 'x'.repeat(1_000_000))]);
      const idle = await Probe.open(node.port);
      const stuck = await Probe.open(node.port);
      stuck.socket.pause();
      stuck.socket.write(Buffer.concat(Array.from({ length: 100 }, () => command('GET', 'big'))));
      await exchange(node.port, [command('PING')]); // the GETs have been read by now
      node.process.signal('SIGTERM');
      expect(await exitCode(node)).toBe(0);
      await idle.waitClosed();
      expect(idle.text).toBe('');
      stuck.destroy();
    } finally {
      await node.stop();
    }
  });

  it('SHUTDOWN NOSAVE closes the connection without a reply and exits 0', async () => {
    const node = await startDataNode();
    try {
      const outcome = await exchange(node.port, [command('SHUTDOWN', 'NOSAVE')], { terminator: 'none' });
      expect(outcome).toEqual({ reply: '', closed: true });
      expect(await exitCode(node)).toBe(0);
    } finally {
      await node.stop();
    }
  });
});
