// Test support: a real cluster-mode redis-server (the oracle of the int tests) on free loopback ports, in its
// own temporary directory, and a minimal RESP2 client to talk to it. Missing binary -> a failing error that
// says how to install it (never a silent skip). Not built, not published.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 10_000;
const REDIS_MISSING =
  'redis-server is not installed or not on PATH; the cluster-model int tests use it as their oracle. ' +
  'Run tools/bootstrap (or `apt-get install redis-server`, Redis 7.0) and retry.';

export type RespValue = string | number | null | RespError | RespValue[];

export class RespError {
  constructor(readonly message: string) {}
}

export interface RedisNode {
  readonly port: number;
  readonly busPort: number;
  readonly dir: string;
  readonly client: RespClient;
  stop(): Promise<void>;
}

/** Starts `redis-server --cluster-enabled yes` with an explicit bus port and `extraArgs`. */
export async function startRedisNode(extraArgs: readonly string[] = []): Promise<RedisNode> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(REDIS_MISSING, { cause: probe.error });
  const dir = mkdtempSync(join(tmpdir(), 'tessera-cluster-model-'));
  const port = await freePort();
  let busPort = await freePort();
  while (busPort === port) busPort = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--cluster-port',
      String(busPort),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  const client = await RespClient.connect(port);
  return {
    port,
    busPort,
    dir,
    client,
    stop: async () => {
      client.close();
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One connection; commands are pipelined and answered in order. */
export class RespClient {
  private buffer = Buffer.alloc(0);
  private readonly waiting: { resolve: (v: RespValue) => void; reject: (e: Error) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const parsed = parseReply(this.buffer, 0);
        if (!parsed) break;
        this.buffer = this.buffer.subarray(parsed.next);
        this.waiting.shift()?.resolve(parsed.value);
      }
    });
    socket.on('error', (error) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    });
  }

  static connect(port: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => resolve(new RespClient(socket)));
      socket.once('error', reject);
    });
  }

  command(...args: string[]): Promise<RespValue> {
    let frame = `*${args.length}\r\n`;
    for (const arg of args) frame += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(frame);
    });
  }

  /** A command whose reply must be a string (status or bulk). */
  async text(...args: string[]): Promise<string> {
    const reply = await this.command(...args);
    if (typeof reply !== 'string')
      throw new Error(`${args.join(' ')}: expected text, got ${JSON.stringify(reply)}`);
    return reply;
  }

  close(): void {
    this.socket.destroy();
  }
}

function parseReply(buffer: Buffer, at: number): { value: RespValue; next: number } | null {
  const lineEnd = buffer.indexOf('\r\n', at);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[at] as number);
  const line = buffer.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  if (type === '+') return { value: line, next };
  if (type === '-') return { value: new RespError(line), next };
  if (type === ':') return { value: Number(line), next };
  if (type === '$') {
    const length = Number(line);
    if (length < 0) return { value: null, next };
    if (buffer.length < next + length + 2) return null;
    return { value: buffer.toString('utf8', next, next + length), next: next + length + 2 };
  }
  if (type === '*') {
    const count = Number(line);
    if (count < 0) return { value: null, next };
    const items: RespValue[] = [];
    let cursor = next;
    for (let i = 0; i < count; i++) {
      const item = parseReply(buffer, cursor);
      if (!item) return null;
      items.push(item.value);
      cursor = item.next;
    }
    return { value: items, next: cursor };
  }
  throw new Error(`unexpected RESP type ${JSON.stringify(type)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited early:\n${output()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not listen on ${port} within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
