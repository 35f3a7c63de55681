// Every hash command's spec (arity, flags, key positions, ACL categories) matches what a real redis-server 7
// reports in COMMAND INFO. (Apps may not depend on libs/testing, so the redis-server is started here.)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashCommands } from './index.js';

let server: ChildProcess;
let redis: Redis;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redis = new Redis({ port, retryStrategy: (attempt: number) => (attempt > 50 ? null : 100) });
  redis.on('error', () => undefined); // refused connections while redis-server starts
  await redis.ping();
});

afterAll(() => {
  redis?.disconnect();
  server?.kill();
});

/** Redis's COMMAND INFO entry: name, arity, flags, first key, last key, step, categories. */
type CommandInfo = [string, number, string[], number, number, number, string[]];

describe('hash command specs match redis-server COMMAND INFO', () => {
  for (const spec of hashCommands) {
    it(`${spec.name} has Redis's arity, flags, key positions and categories`, async () => {
      const [info] = (await redis.call('COMMAND', 'INFO', spec.name)) as CommandInfo[];
      const [, arity, flags, first, last, step, categories] = info as CommandInfo;
      expect(spec.arity).toBe(arity);
      // movablekeys is derived from getKeys (SINTERCARD), not declared.
      expect([...spec.flags].sort()).toEqual(flags.filter((f) => f !== 'movablekeys').sort());
      expect(spec.getKeys !== undefined).toBe(flags.includes('movablekeys'));
      expect(spec.keys).toEqual({ first, last, step });
      expect([...(spec.categories ?? [])].map((c) => `@${c}`).sort()).toEqual([...categories].sort());
    });
  }
});
