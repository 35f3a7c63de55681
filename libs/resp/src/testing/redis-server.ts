// Test support: a real redis-server (the oracle for differential tests) on a free loopback port, with
// persistence off, and a raw-socket helper that sends bytes and collects everything Redis answers.
// Missing binary -> a failing error that says how to install it (never a silent skip).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface RedisServer {
  readonly port: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/** Starts `redis-server` on a free port (`--save '' --appendonly no`, plus `extraArgs`). */
export async function startRedisServer(extraArgs: readonly string[] = []): Promise<RedisServer> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not installed or not on PATH; the differential tests need it as their oracle. ' +
        'Run tools/bootstrap (or `apt-get install redis-server`, Redis 7.0) and retry.',
    );
  }
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  return {
    port,
    stop: () => stopChild(child),
  };
}

/** Sends `bytes` on a fresh connection and resolves with all bytes received until Redis closes it. */
export function exchange(port: number, bytes: Buffer, timeoutMs = 15_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `redis-server did not close the connection; got ${JSON.stringify(Buffer.concat(received).toString('latin1'))}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (d: Buffer) => received.push(d));
    // Redis may close while we still write a flood: a reset or EPIPE is part of the expected exchange.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(received));
    });
    socket.write(bytes);
  });
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
