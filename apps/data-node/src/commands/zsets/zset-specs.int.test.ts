// Every sorted set command's spec (arity, flags, key positions, ACL categories) matches what a real
// redis-server 7 reports in COMMAND INFO, and the numkeys commands find the same keys as COMMAND GETKEYS.
// (apps may not depend on libs/testing, so the redis-server is started here.)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../command-spec.js';
import { keyIndexes } from '../command-table.js';
import { zsetCommands } from './index.js';

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

/** Flags Redis 7.0 reports that are not command-table flags here: derived (movablekeys) or doc-only. */
const NOT_DECLARED = new Set(['movablekeys', 'nondeterministic_output']);

describe('sorted set command specs match redis-server COMMAND INFO', () => {
  it("covers every command of Redis 7.0's sorted-set group", async () => {
    const names = (await redis.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'sortedset')) as string[];
    const theirs: string[] = [];
    for (const name of names) {
      // SORT and SORT_RO are in the @sortedset category but belong to the generic group.
      const [, docs] = (await redis.call('COMMAND', 'DOCS', name)) as [string, unknown[]];
      if (docs[docs.indexOf('group') + 1] === 'sorted-set') theirs.push(name);
    }
    expect(zsetCommands.map((s) => s.name).sort()).toEqual(theirs.sort());
    for (const spec of zsetCommands) expect(spec.docs?.group).toBe('sorted-set');
  });

  for (const spec of zsetCommands) {
    it(`${spec.name} has Redis's arity, flags, key positions and categories`, async () => {
      const [info] = (await redis.call('COMMAND', 'INFO', spec.name)) as CommandInfo[];
      const [, arity, flags, first, last, step, categories] = info as CommandInfo;
      expect(spec.arity).toBe(arity);
      expect([...spec.flags].sort()).toEqual(flags.filter((f) => !NOT_DECLARED.has(f)).sort());
      expect(spec.getKeys !== undefined).toBe(flags.includes('movablekeys'));
      expect(spec.keys).toEqual({ first, last, step });
      expect([...(spec.categories ?? [])].map((c) => `@${c}`).sort()).toEqual([...categories].sort());
    });
  }
});

describe('numkeys commands find the keys COMMAND GETKEYS finds', () => {
  const cases = [
    ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', '2'],
    ['ZINTER', '1', 'a', 'WITHSCORES'],
    ['ZDIFF', '3', 'a', 'b', 'c'],
    ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
    ['ZUNIONSTORE', 'dst', '2', 'a', 'b'],
    ['ZINTERSTORE', 'dst', '1', 'a', 'AGGREGATE', 'MAX'],
    ['ZDIFFSTORE', 'dst', '2', 'a', 'b'],
    ['ZMPOP', '2', 'a', 'b', 'MIN', 'COUNT', '3'],
    ['BZMPOP', '0', '1', 'a', 'MAX'],
    ['ZRANGESTORE', 'dst', 'src', '0', '-1'],
    ['BZPOPMIN', 'a', 'b', '0'],
  ];
  for (const args of cases) {
    it(`finds the keys of ${args.join(' ')}`, async () => {
      const spec = zsetCommands.find((s) => s.name === args[0]?.toLowerCase()) as CommandSpec;
      const ours = keyIndexes(
        spec,
        args.map((a) => Buffer.from(a)),
      );
      const theirs = (await redis.call('COMMAND', 'GETKEYS', ...args)) as string[];
      expect(ours.map((i) => args[i])).toEqual(theirs);
    });
  }
});
