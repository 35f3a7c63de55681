// Every set command's spec (arity, flags, key positions, ACL categories) matches what a real redis-server 7
// reports in COMMAND INFO, and the key indexes of the multi-key commands match COMMAND GETKEYS (cluster
// routing derives slots from them). (Apps may not depend on libs/testing, so the redis-server is started here.)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIndexes } from '../command-table.js';
import { setCommands } from './index.js';

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

describe('set command specs match redis-server COMMAND INFO', () => {
  for (const spec of setCommands) {
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

describe('multi-key set commands name the same keys as COMMAND GETKEYS', () => {
  const cases = [
    ['SINTERCARD', '2', 'a', 'b'],
    ['SINTERCARD', '3', 'a', 'b', 'c', 'LIMIT', '5'],
    ['SINTERCARD', '1', 'LIMIT', 'LIMIT', '1'],
    ['SMOVE', 'src', 'dst', 'm'],
    ['SINTERSTORE', 'd', 'a', 'b'],
    ['SUNIONSTORE', 'd', 'a'],
    ['SDIFFSTORE', 'd', 'a', 'b', 'c'],
    ['SINTER', 'a', 'b', 'c'],
    ['SUNION', 'a'],
    ['SDIFF', 'a', 'b'],
  ];
  for (const args of cases) {
    it(`finds the keys of ${args.join(' ')}`, async () => {
      const spec = setCommands.find((s) => s.name === args[0]?.toLowerCase());
      const ours = keyIndexes(
        spec as (typeof setCommands)[number],
        args.map((a) => Buffer.from(a)),
      );
      const theirs = (await redis.call('COMMAND', 'GETKEYS', ...args)) as string[];
      expect(ours.map((i) => args[i])).toEqual(theirs);
    });
  }

  it('finds no keys in a SINTERCARD whose numkeys is unusable', () => {
    const spec = setCommands.find((s) => s.name === 'sintercard') as (typeof setCommands)[number];
    for (const numkeys of ['0', '-1', 'x', '3']) {
      expect(
        keyIndexes(
          spec,
          ['SINTERCARD', numkeys, 'a', 'b'].map((a) => Buffer.from(a)),
        ),
      ).toEqual([]);
    }
  });
});
