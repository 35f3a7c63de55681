// Differential test of cluster mode against a real redis-server 7.0 started with cluster-enabled: both nodes
// are fresh, get the same commands in the same order, and must give the same replies once node ids and
// ports are replaced by placeholders. It covers the order of the routing checks (unbound first key before
// CROSSSLOT, CLUSTERDOWN while slots are missing, EXEC routed over its queued keys), the CLUSTER subcommands'
// replies and error texts, MULTI with admin subcommands, errorstats, and standalone refusals.
import { freePort, startRedisServer, type RunningServer } from '@tessera/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessNode, type InProcessNode } from '../testing/in-process-node.js';

type Outcome = unknown;

interface Side {
  readonly client: Redis;
  readonly port: number;
  /** The node id as last read (CLUSTER RESET HARD changes it; MULTI would queue the read). */
  id?: string | null;
}

const closers: (() => Promise<void>)[] = [];
let redisCluster: Side;
let oursCluster: Side;
let redisStandalone: Side;
let oursStandalone: Side;

async function redisSide(args: string[]): Promise<Side> {
  const server: RunningServer = await startRedisServer({ args });
  const client = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await client.connect();
  closers.push(async () => {
    client.disconnect();
    await server.stop();
  });
  return { client, port: server.port };
}

async function oursSide(directives: Record<string, string>): Promise<Side> {
  const node: InProcessNode = await startInProcessNode(directives);
  const client = node.ioredis();
  closers.push(async () => {
    client.disconnect();
    await node.close();
  });
  return { client, port: node.port };
}

beforeAll(async () => {
  // cluster-node-timeout 500: the rejoin delay after a minority (a slotless node is one) is 0.5 s. An explicit
  // cluster-port: redis-server refuses to start when port + 10000 is above 65535.
  const busPort = await freePort();
  redisCluster = await redisSide([
    '--cluster-enabled',
    'yes',
    '--cluster-node-timeout',
    '500',
    '--cluster-port',
    String(busPort),
  ]);
  oursCluster = await oursSide({
    'cluster-enabled': 'yes',
    'cluster-agent': 'local',
    'cluster-node-timeout': '500',
  });
  redisStandalone = await redisSide([]);
  oursStandalone = await oursSide({});
});

afterAll(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Sends `args` (`<myself>` is this node's id) and returns the reply with ids and ports as placeholders. */
async function outcome(side: Side, args: readonly string[]): Promise<Outcome> {
  side.id ??= await myId(side);
  const id = side.id;
  const sent = args.map((arg) => (arg === '<myself>' ? (id ?? arg) : arg));
  let reply: unknown;
  try {
    reply = await side.client.call(sent[0] as string, ...sent.slice(1));
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  const shown = normalize(reply, id, side.port);
  if (args[0] === 'CLUSTER' && args[1] === 'RESET') side.id = undefined;
  return shown;
}

async function myId(side: Side): Promise<string | null> {
  try {
    return (await side.client.call('CLUSTER', 'MYID')) as string;
  } catch {
    return null;
  }
}

function normalize(value: unknown, id: string | null, port: number): unknown {
  if (typeof value === 'string') {
    let text = id === null ? value : value.replaceAll(id, '<myself>');
    text = text.replaceAll(new RegExp(`:${port}@\\d+`, 'g'), ':<port>@<bus>');
    return text;
  }
  if (typeof value === 'number') return value === port ? '<port>' : value;
  if (Array.isArray(value)) return value.map((item) => normalize(item, id, port));
  if (value !== null && typeof value === 'object' && 'error' in value) {
    return { error: normalize((value as { error: string }).error, id, port) };
  }
  return value;
}

/** Runs the commands on both sides, in order, and expects the same normalized replies. */
async function expectSame(theirs: Side, ours: Side, commands: readonly (readonly string[])[]): Promise<void> {
  const expected: Outcome[] = [];
  const actual: Outcome[] = [];
  for (const args of commands) {
    expected.push([args.join(' '), await outcome(theirs, args)]);
    actual.push([args.join(' '), await outcome(ours, args)]);
  }
  expect(actual).toEqual(expected);
}

async function waitForClusterOk(side: Side): Promise<void> {
  while (!((await side.client.call('CLUSTER', 'INFO')) as string).startsWith('cluster_state:ok')) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SLOT_OF_A = '15495';

describe('a fresh cluster node answers like redis-server 7.0', () => {
  it('computes slots and refuses bad slot arguments with the same texts', async () => {
    await expectSame(redisCluster, oursCluster, [
      ['CLUSTER', 'KEYSLOT', 'foo'],
      ['CLUSTER', 'KEYSLOT', '{user1000}.following'],
      ['CLUSTER', 'KEYSLOT', 'foo{}{bar}'],
      ['CLUSTER', 'COUNTKEYSINSLOT', '16384'],
      ['CLUSTER', 'COUNTKEYSINSLOT', '-1'],
      ['CLUSTER', 'COUNTKEYSINSLOT', 'abc'],
      ['CLUSTER', 'COUNTKEYSINSLOT', '0'],
      ['CLUSTER', 'GETKEYSINSLOT', '1', '-1'],
      ['CLUSTER', 'GETKEYSINSLOT', '16384', '1'],
      ['CLUSTER', 'GETKEYSINSLOT', 'x', '1'],
      ['CLUSTER', 'GETKEYSINSLOT', '1', 'x'],
      ['CLUSTER', 'GETKEYSINSLOT', '1', '0'],
      ['CLUSTER', 'KEYSLOT'],
      ['CLUSTER'],
      ['CLUSTER', 'FOO'],
    ]);
  });

  it('renders its lone topology the same way', async () => {
    await expectSame(redisCluster, oursCluster, [
      ['CLUSTER', 'NODES'],
      ['CLUSTER', 'SLOTS'],
      ['CLUSTER', 'SHARDS'],
      ['CLUSTER', 'LINKS'],
      ['CLUSTER', 'REPLICAS', '<myself>'],
      ['CLUSTER', 'COUNT-FAILURE-REPORTS', '<myself>'],
      ['CLUSTER', 'COUNT-FAILURE-REPORTS', 'nope'],
      ['CLUSTER', 'REPLICAS', 'nope'],
    ]);
  });

  it('checks routing in Redis order while its slots are partly assigned', async () => {
    await expectSame(redisCluster, oursCluster, [
      ['GET', 'a'],
      ['CLUSTER', 'ADDSLOTS', SLOT_OF_A],
      ['CLUSTER', 'ADDSLOTS', SLOT_OF_A],
      ['MSET', 'a', '1', 'b', '2'],
      ['MSET', 'b', '1', 'a', '2'],
      ['GET', 'a'],
      ['PING'],
      ['MULTI'],
      ['GET', 'a'],
      ['EXEC'],
      ['CLUSTER', 'NODES'],
      ['CLUSTER', 'SLOTS'],
      ['CLUSTER', 'SHARDS'],
      ['CLUSTER', 'COUNTKEYSINSLOT', SLOT_OF_A],
      ['SELECT', '1'],
      ['SELECT', '0'],
      ['ASKING'],
      ['READONLY'],
      ['READWRITE'],
    ]);
  });

  it("refuses the admin subcommands' bad input with the same texts", async () => {
    await expectSame(redisCluster, oursCluster, [
      ['CLUSTER', 'ADDSLOTS', '16384'],
      ['CLUSTER', 'ADDSLOTS', '1', '1'],
      ['CLUSTER', 'ADDSLOTSRANGE', '5', '1'],
      ['CLUSTER', 'ADDSLOTSRANGE', '1', '2', '3'],
      ['CLUSTER', 'DELSLOTS', '0'],
      ['CLUSTER', 'DELSLOTSRANGE', '0', '0'],
      ['CLUSTER', 'SETSLOT', '100', 'MIGRATING', 'nope'],
      ['CLUSTER', 'SETSLOT', SLOT_OF_A, 'MIGRATING', 'nope'],
      ['CLUSTER', 'SETSLOT', SLOT_OF_A, 'BOGUS'],
      ['CLUSTER', 'SETSLOT', '16384', 'STABLE'],
      ['CLUSTER', 'SETSLOT', '100', 'IMPORTING', 'nope'],
      ['CLUSTER', 'MEET', '1', '2', '3', '4'],
      ['CLUSTER', 'MEET', '1.2.3.4', 'x'],
      ['CLUSTER', 'MEET', 'nope', '7000'],
      ['CLUSTER', 'MEET', '1.2.3.4', '1', 'x'],
      ['CLUSTER', 'REPLICATE', 'nope'],
      ['CLUSTER', 'REPLICATE', '<myself>'],
      ['CLUSTER', 'FORGET', 'nope'],
      ['CLUSTER', 'FORGET', '<myself>'],
      ['CLUSTER', 'RESET', 'a', 'b'],
      ['CLUSTER', 'RESET', 'x'],
      ['CLUSTER', 'FAILOVER'],
      ['CLUSTER', 'FAILOVER', 'x'],
      ['CLUSTER', 'FAILOVER', 'a', 'b'],
      ['CLUSTER', 'SET-CONFIG-EPOCH', 'x'],
      ['CLUSTER', 'SET-CONFIG-EPOCH', '-1'],
    ]);
  });

  it('applies admin subcommands, alone and inside MULTI with errors inline', async () => {
    await expectSame(redisCluster, oursCluster, [
      ['CLUSTER', 'SAVECONFIG'],
      ['CLUSTER', 'BUMPEPOCH'],
      ['CLUSTER', 'BUMPEPOCH'],
      ['MULTI'],
      ['CLUSTER', 'ADDSLOTS', '1'],
      ['CLUSTER', 'ADDSLOTS', '1'],
      ['CLUSTER', 'DELSLOTS', '1'],
      ['CLUSTER', 'BUMPEPOCH'],
      ['EXEC'],
      ['CLUSTER', 'NODES'],
      ['CLUSTER', 'FLUSHSLOTS'],
      ['CLUSTER', 'NODES'],
      ['CLUSTER', 'RESET', 'HARD'],
      ['CLUSTER', 'NODES'],
    ]);
  });

  it('routes like Redis once it owns every slot: transactions, CROSSSLOT, errorstats', async () => {
    for (const side of [redisCluster, oursCluster]) {
      await side.client.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
      await waitForClusterOk(side);
      await side.client.call('CONFIG', 'RESETSTAT');
    }
    await expectSame(redisCluster, oursCluster, [
      ['SET', 'a', '1'],
      ['GET', 'a'],
      ['MSET', 'a', '1', 'b', '2'],
      ['MSET', '{t}a', '1', '{t}b', '2'],
      ['MGET', '{t}a', '{t}b'],
      ['MULTI'],
      ['SET', 'a', '2'],
      ['SET', 'b', '2'],
      ['EXEC'],
      ['EXEC'],
      ['GET', 'a'],
      ['MULTI'],
      ['INCR', '{t}n'],
      ['GET', '{t}a'],
      ['EXEC'],
      ['CLUSTER', 'COUNTKEYSINSLOT', SLOT_OF_A],
      ['CLUSTER', 'GETKEYSINSLOT', SLOT_OF_A, '5'],
      ['CLUSTER', 'SETSLOT', SLOT_OF_A, 'NODE', 'nope'],
      ['CLUSTER', 'FLUSHSLOTS'],
      ['CLUSTER', 'RESET'],
      ['INFO', 'errorstats'],
    ]);
  });
});

describe('a standalone node answers cluster commands like redis-server 7.0', () => {
  it('refuses every one of them', async () => {
    await expectSame(redisStandalone, oursStandalone, [
      ['CLUSTER', 'INFO'],
      ['CLUSTER', 'HELP'],
      ['CLUSTER', 'KEYSLOT', 'foo'],
      ['CLUSTER', 'ADDSLOTS', '1'],
      ['CLUSTER', 'FOO'],
      ['CLUSTER'],
      ['ASKING'],
      ['READONLY'],
      ['READWRITE'],
      ['MSET', 'a', '1', 'b', '2'],
    ]);
  });
});
