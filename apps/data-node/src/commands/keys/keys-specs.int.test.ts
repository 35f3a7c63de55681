// Every keyspace command's spec (arity, flags, key positions, ACL categories, subcommands included) matches
// what a real redis-server 7 reports in COMMAND INFO; SORT finds the keys COMMAND GETKEYS finds; and the
// CRC-64 of our DUMP payloads is the one redis-server puts in its own. (apps may not depend on libs/testing,
// so the redis-server is started here.)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIndexes } from '../command-table.js';
import type { CommandSpec } from '../command-spec.js';
import { crc64 } from '../../keyspace/crc64.js';
import { keyCommands } from './index.js';

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
  redis = new Redis({ port, retryStrategy: (attempt) => (attempt > 50 ? null : 100) });
  await redis.ping();
});

afterAll(() => {
  redis?.disconnect();
  server?.kill();
});

/** Redis's COMMAND INFO entry: name, arity, flags, first key, last key, step, categories. */
type CommandInfo = [string, number, string[], number, number, number, string[]];

/** Every spec with the name COMMAND INFO knows it by (`object|encoding` for subcommands). */
const specs: [string, CommandSpec][] = keyCommands.flatMap((spec) => [
  [spec.name, spec] as [string, CommandSpec],
  ...(spec.subcommands ?? []).map((sub) => [`${spec.name}|${sub.name}`, sub] as [string, CommandSpec]),
]);

describe('keyspace command specs match redis-server COMMAND INFO', () => {
  for (const [name, spec] of specs) {
    it(`${name} has Redis's arity, flags, key positions and categories`, async () => {
      const [info] = (await redis.call('COMMAND', 'INFO', name)) as CommandInfo[];
      const [, arity, flags, first, last, step, categories] = info as CommandInfo;
      expect(spec.arity).toBe(arity);
      // movablekeys is derived from getKeys (SORT), not declared.
      expect([...spec.flags].sort()).toEqual(flags.filter((f) => f !== 'movablekeys').sort());
      expect(spec.getKeys !== undefined).toBe(flags.includes('movablekeys') && name !== 'sort_ro');
      expect(spec.keys).toEqual({ first, last, step });
      expect([...(spec.categories ?? [])].map((c) => `@${c}`).sort()).toEqual([...categories].sort());
    });
  }

  for (const container of ['object', 'memory']) {
    it(`serves every ${container.toUpperCase()} subcommand redis-server has`, async () => {
      const [info] = (await redis.call('COMMAND', 'INFO', container)) as unknown[][];
      const theirs = ((info?.[9] as unknown[][]) ?? []).map((sub) => String(sub[0]));
      const spec = keyCommands.find((s) => s.name === container);
      expect((spec?.subcommands ?? []).map((sub) => `${container}|${sub.name}`).sort()).toEqual(
        theirs.sort(),
      );
    });
  }
});

describe('SORT key positions match COMMAND GETKEYS', () => {
  const cases = [
    ['SORT', 'l'],
    ['SORT', 'l', 'STORE', 'dst'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', '#', 'STORE', 'a', 'STORE', 'b'],
    ['SORT', 'l', 'GET', 'store', 'LIMIT', '0', '1', 'ALPHA', 'STORE', 'c'],
    ['SORT', 'l', 'LIMIT', 'store', 'x', 'DESC'],
  ];
  const sort = keyCommands.find((spec) => spec.name === 'sort') as CommandSpec;
  for (const args of cases) {
    it(`finds the keys of ${args.join(' ')}`, async () => {
      const ours = keyIndexes(
        sort,
        args.map((a) => Buffer.from(a)),
      );
      const theirs = (await redis.call('COMMAND', 'GETKEYS', ...args)) as string[];
      expect(ours.map((i) => args[i])).toEqual(theirs);
    });
  }
});

describe('crc64 against redis-server DUMP payloads', () => {
  it('computes the checksum redis-server appends, for values of many sizes', async () => {
    for (const size of [0, 1, 7, 8, 9, 63, 64, 1000, 70_000]) {
      const value = Buffer.from(Array.from({ length: size }, (_, i) => (i * 131 + size) & 0xff));
      await redis.set('k', value);
      const payload = (await redis.dumpBuffer('k')) as Buffer;
      const [hi, lo] = crc64(payload, 0, payload.length - 8);
      expect([payload.readUInt32LE(payload.length - 4), payload.readUInt32LE(payload.length - 8)]).toEqual([
        hi,
        lo,
      ]);
    }
  });
});
