// The RESP server over real sockets: a data-node started in-process on port 0, raw clients (to control what
// shares one packet and whether replies are read), ioredis and node-redis. Assertions are on replies and
// connection state, never on timing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { encodeCommand } from '@tessera/resp';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { startInProcessNode, type InProcessNode } from '../testing/in-process-node.js';

const nodes: InProcessNode[] = [];
const sockets: Socket[] = [];

async function startNode(directives: Record<string, string> = {}): Promise<InProcessNode> {
  const node = await startInProcessNode(directives);
  nodes.push(node);
  return node;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(nodes.splice(0).map((node) => node.close()));
});

/** A raw connection collecting every byte received; `closed` settles when the server closes it. */
class Raw {
  received = '';
  readonly closed: Promise<void>;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.toString('latin1');
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(port: number, host = '127.0.0.1'): Promise<Raw> {
    const socket = connect(port, host);
    sockets.push(socket);
    await once(socket, 'connect');
    return new Raw(socket);
  }

  send(...commands: string[][]): void {
    this.socket.write(Buffer.concat(commands.map((command) => encodeCommand(command))));
  }

  /** Waits until the received text satisfies `done` (or the connection closes). */
  async until(done: (text: string) => boolean): Promise<string> {
    while (!done(this.received) && !this.socket.destroyed && this.socket.readyState !== 'closed') {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.received;
  }
}

async function infoField(port: number, section: string, field: string): Promise<string | undefined> {
  const redis = new Redis({ port, lazyConnect: true });
  try {
    await redis.connect();
    const text = await redis.info(section);
    return /^(.+)$/m.exec(
      text
        .split('\r\n')
        .find((line) => line.startsWith(`${field}:`))
        ?.slice(field.length + 1) ?? '',
    )?.[1];
  } finally {
    redis.disconnect();
  }
}

describe('authentication over the wire', () => {
  it('lifts the unauthenticated request limits as soon as AUTH succeeds, in the same packet', async () => {
    const node = await startNode({ requirepass: 's3cret' });
    const client = await Raw.open(node.port);
    const mset = ['MSET', ...Array.from({ length: 12 }, (_, i) => `k${i}`)];
    client.send(['AUTH', 's3cret'], mset, ['GET', 'k0']);
    expect(await client.until((t) => t.split('\r\n').length > 3)).toBe('+OK\r\n+OK\r\n$2\r\nk1\r\n');
  });

  it('keeps them for a client that did not authenticate', async () => {
    const node = await startNode({ requirepass: 's3cret' });
    const client = await Raw.open(node.port);
    client.send(['MSET', ...Array.from({ length: 12 }, (_, i) => `k${i}`)]);
    await client.closed;
    expect(client.received).toBe('-ERR Protocol error: unauthenticated multibulk length\r\n');
  });

  it('lets waiting clients in when CONFIG SET clears requirepass', async () => {
    const node = await startNode({ requirepass: 's3cret' });
    const waiting = await Raw.open(node.port);
    waiting.send(['PING']);
    await waiting.until((t) => t.endsWith('\r\n'));
    const admin = await Raw.open(node.port);
    admin.send(['AUTH', 's3cret'], ['CONFIG', 'SET', 'requirepass', '']);
    await admin.until((t) => t === '+OK\r\n+OK\r\n');
    waiting.send(['PING']);
    expect(await waiting.until((t) => t.endsWith('+PONG\r\n'))).toBe(
      '-NOAUTH Authentication required.\r\n+PONG\r\n',
    );
  });

  it('applies them again after RESET deauthenticates', async () => {
    const node = await startNode({ requirepass: 's3cret' });
    const client = await Raw.open(node.port);
    client.send(['AUTH', 's3cret'], ['RESET'], ['MSET', ...Array.from({ length: 12 }, (_, i) => `k${i}`)]);
    await client.closed;
    expect(client.received).toBe(
      '+OK\r\n+RESET\r\n-ERR Protocol error: unauthenticated multibulk length\r\n',
    );
  });
});

describe('CLIENT REPLY over the wire', () => {
  it('drops replies while OFF, one reply after SKIP, and answers ON', async () => {
    const node = await startNode();
    const client = await Raw.open(node.port);
    client.send(
      ['CLIENT', 'REPLY', 'OFF'],
      ['SET', 'a', '1'],
      ['GET', 'a'],
      ['CLIENT', 'REPLY', 'ON'],
      ['GET', 'a'],
      ['CLIENT', 'REPLY', 'SKIP'],
      ['GET', 'a'],
      ['PING'],
    );
    expect(await client.until((t) => t.endsWith('+PONG\r\n'))).toBe('+OK\r\n$1\r\n1\r\n+PONG\r\n');
  });

  it('replies to RESET, which turns replies back on', async () => {
    const node = await startNode();
    const client = await Raw.open(node.port);
    client.send(['CLIENT', 'REPLY', 'OFF'], ['PING'], ['RESET'], ['PING']);
    expect(await client.until((t) => t.endsWith('+PONG\r\n'))).toBe('+RESET\r\n+PONG\r\n');
  });
});

describe('CLIENT KILL and CLIENT LIST over the wire', () => {
  it('closes the other connection and lists real sockets', async () => {
    const node = await startNode();
    const admin = await Raw.open(node.port);
    const victim = await Raw.open(node.port);
    victim.send(['CLIENT', 'ID']);
    const id = (await victim.until((t) => t.endsWith('\r\n'))).slice(1, -2);
    admin.send(['CLIENT', 'LIST']);
    const list = await admin.until((t) => t.split('\n').length > 3);
    const fds = [...list.matchAll(/ fd=(-?\d+) /g)].map((m) => Number(m[1]));
    expect(fds).toHaveLength(2);
    expect(fds.every((fd) => fd > 0)).toBe(true);
    admin.received = '';
    admin.send(['CLIENT', 'KILL', 'ID', id]);
    expect(await admin.until((t) => t.endsWith('\r\n'))).toBe(':1\r\n');
    await victim.closed;
  });

  it('closes the caller itself after the reply with SKIPME no', async () => {
    const node = await startNode();
    const client = await Raw.open(node.port);
    client.send(['CLIENT', 'KILL', 'SKIPME', 'no'], ['PING']);
    await client.closed;
    expect(client.received).toBe(':1\r\n');
  });
});

describe('a client that does not read its replies', () => {
  it('is paused with a bounded output buffer, then gets every reply once it reads', async () => {
    const node = await startNode();
    const setter = new Redis({ port: node.port });
    await setter.set('big', 'x'.repeat(100_000));
    const slow = await Raw.open(node.port);
    slow.socket.pause();
    const gets = 2000; // 200 MB of replies from 14 KB of requests
    slow.send(...Array.from({ length: gets }, () => ['GET', 'big']));
    let omem = 0;
    while (omem === 0) {
      const list = (await setter.client('LIST')) as string;
      const line = list.split('\n').find((l) => l.includes(`cmd=get `) && !l.includes('name=setter'));
      omem = Number(/ omem=(\d+) /.exec(line ?? '')?.[1] ?? 0);
    }
    expect(omem).toBeLessThan(8 * 1024 * 1024);
    expect(await setter.ping()).toBe('PONG');
    const expected = `$100000\r\n${'x'.repeat(100_000)}\r\n`.length * gets;
    slow.socket.resume();
    const text = await slow.until((t) => t.length >= expected);
    expect(text.length).toBe(expected);
    setter.disconnect();
  });
});

describe('CLIENT PAUSE over the wire', () => {
  it('holds writes in WRITE mode while reads go on, then runs them in order at UNPAUSE', async () => {
    const node = await startNode();
    const admin = await Raw.open(node.port);
    admin.send(['CLIENT', 'PAUSE', '100000', 'WRITE']);
    await admin.until((t) => t === '+OK\r\n');
    const writer = await Raw.open(node.port);
    writer.send(['SET', 'k', 'v'], ['GET', 'k']);
    const reader = await Raw.open(node.port);
    reader.send(['GET', 'k'], ['PING']);
    expect(await reader.until((t) => t.endsWith('+PONG\r\n'))).toBe('$-1\r\n+PONG\r\n');
    expect(writer.received).toBe(''); // the GET waits behind the held SET
    admin.send(['CLIENT', 'UNPAUSE']);
    expect(await writer.until((t) => t.endsWith('$1\r\nv\r\n'))).toBe('+OK\r\n$1\r\nv\r\n');
  });

  it('ends an ALL pause by itself, then runs the held commands', async () => {
    const node = await startNode();
    const admin = await Raw.open(node.port);
    admin.send(['CLIENT', 'PAUSE', '300', 'ALL'], ['PING']);
    expect(await admin.until((t) => t.endsWith('+PONG\r\n'))).toBe('+OK\r\n+PONG\r\n');
    const other = await Raw.open(node.port);
    other.send(['PING']);
    expect(await other.until((t) => t.endsWith('+PONG\r\n'))).toBe('+PONG\r\n');
  });

  it('holds an EXEC whose transaction writes', async () => {
    const node = await startNode();
    const client = await Raw.open(node.port);
    client.send(['MULTI'], ['INCR', 'n']);
    await client.until((t) => t === '+OK\r\n+QUEUED\r\n');
    const admin = await Raw.open(node.port);
    admin.send(['CLIENT', 'PAUSE', '100000', 'WRITE']);
    await admin.until((t) => t === '+OK\r\n');
    client.send(['EXEC']);
    const reader = await Raw.open(node.port);
    reader.send(['GET', 'n']);
    expect(await reader.until((t) => t.endsWith('\r\n'))).toBe('$-1\r\n');
    admin.send(['CLIENT', 'UNPAUSE']);
    expect(await client.until((t) => t.endsWith(':1\r\n'))).toBe('+OK\r\n+QUEUED\r\n*1\r\n:1\r\n');
  });
});

describe('cross-protocol scripting guard', () => {
  it('closes a connection that speaks HTTP, without a reply', async () => {
    const node = await startNode();
    for (const request of ['POST / HTTP/1.1\r\nHost: localhost\r\n\r\n', 'PING\r\nHost: localhost\r\n']) {
      const client = await Raw.open(node.port);
      client.socket.write(request);
      await client.closed;
      expect(client.received).toBe('');
    }
  });
});

describe('graceful close', () => {
  it('closes idle clients and destroys clients that never read, then resolves', async () => {
    const node = await startNode();
    const setter = await Raw.open(node.port);
    setter.send(['SET', 'big', 'x'.repeat(1_000_000)]);
    await setter.until((t) => t === '+OK\r\n');
    const idle = await Raw.open(node.port);
    const stuck = await Raw.open(node.port);
    stuck.socket.pause();
    stuck.send(...Array.from({ length: 50 }, () => ['GET', 'big']));
    setter.send(['PING']);
    await setter.until((t) => t.endsWith('+PONG\r\n'));
    nodes.splice(nodes.indexOf(node), 1);
    await node.server.close(200);
    await Promise.all([idle.closed, setter.closed]);
    expect(idle.received).toBe('');
    stuck.socket.resume(); // read what was sent before the server gave up, then see the close
    await stuck.closed;
    expect(stuck.received.length).toBeLessThan(50 * 1_000_016);
  });
});

describe('client libraries', () => {
  it('ioredis connects, names its library and runs commands', async () => {
    const node = await startNode();
    const redis = new Redis({ port: node.port, connectionName: 'io' });
    await redis.set('k', 'v');
    expect(await redis.get('k')).toBe('v');
    const list = (await redis.client('LIST')) as string;
    expect(list).toMatch(/name=io .* lib-name=ioredis lib-ver=\d/);
    redis.disconnect();
  });

  it('node-redis handshakes with HELLO 3 and reads RESP3 replies', async () => {
    const node = await startNode();
    const client = createClient({ socket: { port: node.port, host: '127.0.0.1' }, RESP: 3 });
    await client.connect();
    await client.hSet('h', { a: '1' });
    expect(await client.hGetAll('h')).toEqual({ a: '1' });
    const info = (await client.sendCommand(['CLIENT', 'INFO'])) as string;
    expect(String(info)).toMatch(/resp=3 lib-name=node-redis lib-ver=\d/);
    await client.quit();
  });
});

describe('redis-cli', () => {
  it('starts in interactive mode, fetching COMMAND DOCS, and runs commands', async () => {
    const node = await startNode();
    // `script` gives redis-cli a terminal; TERM=dumb makes its line editor read plain lines.
    const cli = spawn('script', ['-qec', `redis-cli -p ${node.port}`, '/dev/null'], {
      env: { ...process.env, TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stdin.write('PING\nHELLO 3\nquit\n');
    const [code] = (await once(cli, 'exit')) as [number];
    expect(code).toBe(0);
    expect(output).toContain(`127.0.0.1:${node.port}> `); // the prompt
    expect(output).toContain('PONG');
    expect(output).toContain('"version" => "7.0.15"');
    expect(await infoField(node.port, 'commandstats', 'cmdstat_command|docs')).toMatch(
      /^calls=1,.*failed_calls=0$/,
    );
  });
});

describe('protected mode', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  it('refuses non-loopback clients when no password is set, and lets them in once one is', async () => {
    expect(external, 'this test needs a non-loopback IPv4 interface').toBeDefined();
    const node = await startNode({ bind: '0.0.0.0' });
    const denied = await Raw.open(node.port, external);
    await denied.closed;
    expect(denied.received).toMatch(
      /^-DENIED Redis is running in protected mode because protected mode is enabled/,
    );
    expect(await infoField(node.port, 'stats', 'rejected_connections')).toBe('1');
    const admin = new Redis({ port: node.port });
    await admin.config('SET', 'requirepass', 's3cret');
    admin.disconnect();
    const allowed = await Raw.open(node.port, external);
    allowed.send(['PING']);
    expect(await allowed.until((t) => t.endsWith('\r\n'))).toBe('-NOAUTH Authentication required.\r\n');
  });
});
