// Real cluster clients against a 3-master tessera cluster formed by redis-cli: `redis-cli -c` follows MOVED,
// and ioredis `Cluster` and node-redis `createCluster` discover the slots (CLUSTER SLOTS), spread 10,000
// SET/GET over the masters that own them, run hash-tagged multi-key commands and a one-slot MULTI, and get
// the server's CROSSSLOT error for keys in two slots.
import { Cluster } from 'ioredis';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot } from '@tessera/slot';
import { myselfOf, startTesseraCluster, type TesseraCluster } from '@tessera/testing';
import { runTool } from '../src/run-tool.js';

const KEYS = 10_000;

let cluster: TesseraCluster;
/** Inclusive slot ranges of each node. */
let ranges: (readonly (readonly [number, number])[])[];

beforeAll(async () => {
  cluster = await startTesseraCluster({ masters: 3 });
  ranges = await Promise.all(
    cluster.nodes.map(async (_, i) => myselfOf(await cluster.clusterNodes(i)).slots),
  );
});

afterAll(async () => {
  await cluster?.close();
});

/** Index of the node owning `key`'s slot. */
function ownerOf(key: string): number {
  const slot = keySlot(key);
  return ranges.findIndex((owned) => owned.some(([start, end]) => slot >= start && slot <= end));
}

async function dbsizes(): Promise<number[]> {
  return Promise.all(cluster.nodes.map(async (_, i) => Number(await cluster.call(i, 'DBSIZE'))));
}

/** Runs `body` and checks each node gained exactly the keys of `keys` whose slots it owns. */
async function expectKeysOnOwners(keys: readonly string[], body: () => Promise<void>): Promise<void> {
  const before = await dbsizes();
  await body();
  const after = await dbsizes();
  const expected = cluster.nodes.map((_, i) => keys.filter((key) => ownerOf(key) === i).length);
  expect(after.map((size, i) => size - (before[i] as number))).toEqual(expected);
  expect(expected.every((count) => count > KEYS / 4)).toBe(true); // every master took its share
}

describe('redis-cli -c', () => {
  it('follows MOVED: a SET sent to a node that does not own the slot lands on the owner, and a GET through a third node reads it', async () => {
    const key = 'cli:moved';
    const owner = ownerOf(key);
    const [sender, reader] = [0, 1, 2].filter((i) => i !== owner) as [number, number];
    const port = (i: number) => String(cluster.node(i).port);

    const plain = await runTool('redis-cli', ['-p', port(sender), 'SET', key, 'v1']);
    expect(plain.output.trim()).toBe(`MOVED ${keySlot(key)} 127.0.0.1:${cluster.node(owner).port}`);

    const set = await runTool('redis-cli', ['-c', '-p', port(sender), 'SET', key, 'v1']);
    expect(set.output.trim()).toBe('OK');
    const get = await runTool('redis-cli', ['-c', '-p', port(reader), 'GET', key]);
    expect(get.output.trim()).toBe('v1');
    expect(await cluster.call(owner, 'GET', key)).toBe('v1');
  });
});

describe('ioredis Cluster', () => {
  let client: Cluster;
  beforeAll(() => {
    client = new Cluster([...cluster.seeds], { enableReadyCheck: true });
  });
  afterAll(() => {
    client?.disconnect();
  });

  it('runs 10,000 SET and GET over every master with no errors, each key stored by its slot owner', async () => {
    const keys = Array.from({ length: KEYS }, (_, i) => `ioredis:${i}`);
    await expectKeysOnOwners(keys, async () => {
      const sets = await Promise.all(keys.map((key) => client.set(key, `value-${key}`)));
      expect(sets.every((reply) => reply === 'OK')).toBe(true);
    });
    const values = await Promise.all(keys.map((key) => client.get(key)));
    expect(values).toEqual(keys.map((key) => `value-${key}`));
  });

  it('runs MSET/MGET on hash-tagged keys and a MULTI on one slot, and gets CROSSSLOT for an MSET over two slots', async () => {
    expect(await client.mset('{user:7}:name', 'ada', '{user:7}:lang', 'ts')).toBe('OK');
    expect(await client.mget('{user:7}:name', '{user:7}:lang', '{user:7}:none')).toEqual(['ada', 'ts', null]);
    const results = await client
      .multi()
      .set('{order:9}:state', 'paid')
      .incr('{order:9}:count')
      .get('{order:9}:state')
      .exec();
    expect(results).toEqual([
      [null, 'OK'],
      [null, 1],
      [null, 'paid'],
    ]);
    expect(keySlot('a-key')).not.toBe(keySlot('b-key'));
    await expect(client.mset('a-key', '1', 'b-key', '2')).rejects.toThrow(
      "CROSSSLOT Keys in request don't hash to the same slot",
    );
  });
});

describe('node-redis createCluster', () => {
  let client: ReturnType<typeof createCluster>;
  beforeAll(async () => {
    client = createCluster({ rootNodes: cluster.seeds.map((seed) => ({ socket: seed })) });
    client.on('error', () => undefined);
    await client.connect();
  });
  afterAll(async () => {
    await client?.close().catch(() => client.destroy());
  });

  it('runs 10,000 SET and GET over every master with no errors, each key stored by its slot owner', async () => {
    const keys = Array.from({ length: KEYS }, (_, i) => `node-redis:${i}`);
    await expectKeysOnOwners(keys, async () => {
      const sets = await Promise.all(keys.map((key) => client.set(key, `value-${key}`)));
      expect(sets.every((reply) => reply === 'OK')).toBe(true);
    });
    const values = await Promise.all(keys.map((key) => client.get(key)));
    expect(values).toEqual(keys.map((key) => `value-${key}`));
  });

  it('runs MSET/MGET on hash-tagged keys and a MULTI on one slot, and gets CROSSSLOT for an MSET over two slots', async () => {
    expect(
      await client.mSet([
        ['{user:8}:name', 'grace'],
        ['{user:8}:lang', 'cobol'],
      ]),
    ).toBe('OK');
    expect(await client.mGet(['{user:8}:name', '{user:8}:lang', '{user:8}:none'])).toEqual([
      'grace',
      'cobol',
      null,
    ]);
    const results = await client
      .multi()
      .set('{order:10}:state', 'shipped')
      .incr('{order:10}:count')
      .get('{order:10}:state')
      .exec();
    expect(results).toEqual(['OK', 1, 'shipped']);
    await expect(
      client.mSet([
        ['a-key', '1'],
        ['b-key', '2'],
      ]),
    ).rejects.toThrow("CROSSSLOT Keys in request don't hash to the same slot");
  });
});
