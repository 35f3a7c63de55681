// Every connection and server command spec (arity, flags, key positions, ACL categories), subcommands
// included, matches what a real redis-server 7 reports in COMMAND INFO. CLIENT SETINFO (Redis 7.2) is
// not in the 7.0 oracle and is checked against its 7.2 definition instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../command-spec.js';
import { connectionCommands } from '../connection/index.js';
import { aclCategories } from './command-reply.js';
import { memoryServerSubcommands, serverCommands } from './index.js';

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

/** Redis's COMMAND INFO entry: name, arity, flags, first key, last key, step, categories, ... */
type CommandInfo = [
  string,
  number,
  string[],
  number,
  number,
  number,
  string[],
  unknown,
  unknown,
  CommandInfo[],
];

/** [full name, spec] of every command and subcommand to check. */
function specsToCheck(): [string, CommandSpec][] {
  const all: [string, CommandSpec][] = [];
  for (const spec of [...connectionCommands, ...serverCommands]) {
    all.push([spec.name, spec]);
    for (const sub of spec.subcommands ?? []) all.push([`${spec.name}|${sub.name}`, sub]);
  }
  for (const sub of memoryServerSubcommands) all.push([`memory|${sub.name}`, sub]);
  return all;
}

async function redisInfo(fullName: string): Promise<CommandInfo | null> {
  const [container, sub] = fullName.split('|') as [string, string | undefined];
  const [info] = (await redis.call('COMMAND', 'INFO', container)) as (CommandInfo | null)[];
  if (info === null || info === undefined || sub === undefined) return info ?? null;
  return info[9].find((entry) => entry[0] === fullName) ?? null;
}

describe('connection and server command specs match redis-server COMMAND INFO', () => {
  for (const [fullName, spec] of specsToCheck()) {
    it(`${fullName} has Redis's arity, flags, key positions and categories`, async () => {
      const info = await redisInfo(fullName);
      if (fullName === 'client|setinfo') {
        expect(info).toBeNull(); // added in Redis 7.2: arity 4, no keys, like CLIENT SETNAME
        expect([spec.arity, [...spec.flags], aclCategories(spec)]).toEqual([
          4,
          ['noscript', 'loading', 'stale'],
          ['slow', 'connection'],
        ]);
        return;
      }
      expect(info, `${fullName} exists in redis-server 7.0`).not.toBeNull();
      const [, arity, flags, first, last, step, categories] = info as CommandInfo;
      expect(spec.arity).toBe(arity);
      // CommandFlag has no no_async_loading: there is no async loading (no persistence) to refuse it during.
      const redisFlags = flags.filter((flag) => flag !== 'no_async_loading');
      expect([...spec.flags].sort()).toEqual(redisFlags.sort());
      expect([spec.keys.first, spec.keys.last, spec.keys.step]).toEqual([first, last, step]);
      expect(aclCategories(spec).map((c) => `@${c}`)).toEqual(categories);
    });
  }
});
