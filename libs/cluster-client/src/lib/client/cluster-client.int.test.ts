// ClusterClient against a real 3-master Redis Cluster: routing by slot, pipelines, client-side CROSSSLOT,
// topology for the CLI, node-directed commands.
import { RespError } from '@tessera/resp';
import { keySlot, SLOT_COUNT } from '@tessera/slot';
import { startRedisCluster, type RunningRedisCluster } from '@tessera/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientClosedError, CrossSlotError, InvalidOptionError } from '../errors.js';
import { ClusterClient } from './cluster-client.js';

let cluster: RunningRedisCluster;
let client: ClusterClient;

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
  client = await ClusterClient.connect({ seeds: [cluster.seeds[1] as string] });
}, 60_000);

afterAll(async () => {
  await client?.close();
  await cluster?.stop();
});

/** `calls` of one command in INFO commandstats, per node port. */
async function commandCalls(command: string): Promise<Map<number, number>> {
  const calls = new Map<number, number>();
  for (const node of cluster.nodes) {
    const stats = String(await cluster.call(node.port, 'INFO', 'commandstats'));
    const match = new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats);
    calls.set(node.port, Number(match?.[1] ?? 0));
  }
  return calls;
}

describe('ClusterClient on a real cluster', () => {
  it('sets and gets 5,000 keys spread over all masters, each on the node owning its slot', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `user:${i}:${(i * 7919) % 10007}`);
    const sets = await Promise.all(keys.map((key, i) => client.set(key, `value-${i}`)));
    expect(sets.every((reply) => reply === 'OK')).toBe(true);
    const values = await Promise.all(keys.map((key) => client.get(key)));
    values.forEach((value, i) => expect(value).toBe(`value-${i}`));

    const sizes = await Promise.all(cluster.nodes.map((node) => cluster.call(node.port, 'DBSIZE')));
    expect(sizes.reduce((a, b) => Number(a) + Number(b), 0)).toBe(5000);
    for (const size of sizes) expect(Number(size)).toBeGreaterThan(1000);
    const owner = client.slotOwner(keySlot(keys[42] as string));
    expect(await cluster.call(owner?.port as number, 'GET', keys[42] as string)).toBe('value-42');
    expect(client.stats().redirects).toEqual({
      moved: 0,
      ask: 0,
      tryagain: 0,
      clusterdown: 0,
      connection: 0,
    });
  });

  it('runs a pipeline across nodes and returns each result in input order', async () => {
    const results = await client.pipeline([
      { args: ['SET', 'p:a', '1'] },
      { args: ['INCR', 'p:a'] },
      { args: ['SET', 'p:b', 'x'] },
      { args: ['INCR', 'p:b'] },
      { args: ['MGET', '{p}a', '{p}b'] },
      { args: ['GET', 'p:a'] },
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'OK',
      2,
      'OK',
      'ERR value is not an integer or out of range',
      [null, null],
      '2',
    ]);
    expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(RespError);
  });

  it('rejects keys of different slots with CrossSlotError without sending anything', async () => {
    await Promise.all(cluster.nodes.map((node) => cluster.call(node.port, 'CONFIG', 'RESETSTAT')));
    await expect(client.send(['MGET', 'foo', 'bar'])).rejects.toBeInstanceOf(CrossSlotError);
    await expect(client.del('foo', 'bar')).rejects.toMatchObject({ code: 'RC_ERR_CLUSTER_CLIENT_CROSSSLOT' });
    expect([...(await commandCalls('mget')).values(), ...(await commandCalls('del')).values()]).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(await client.send(['MSET', '{tag}a', '1', '{tag}b', '2'])).toBe('OK');
    expect(await client.send(['MGET', '{tag}a', '{tag}b'])).toEqual(['1', '2']);
    expect(await client.del('{tag}a', '{tag}b')).toBe(2);
  });

  it('routes by caller-given key positions or routing key, and hashes text keys as UTF-8', async () => {
    expect(await client.send(['XADD', 'stream{s}', '*', 'f', 'v'])).toMatch(/^\d+-\d+$/);
    const read = await client.send(['XREAD', 'COUNT', '1', 'STREAMS', 'stream{s}', '0'], { keyIndexes: [4] });
    expect(Array.isArray(read)).toBe(true);
    expect(await client.send(['OBJECT', 'ENCODING', 'stream{s}'], { key: 'stream{s}' })).toBe('stream');

    expect(await client.set('ключ', 'значение')).toBe('OK');
    const serverSlot = await cluster.call(
      cluster.nodes[0]?.port as number,
      'CLUSTER',
      'KEYSLOT',
      Buffer.from('ключ'),
    );
    const owner = client.slotOwner(serverSlot as number);
    expect(await cluster.call(owner?.port as number, 'GET', Buffer.from('ключ'))).toBe('значение');
    expect(await client.get('ключ')).toBe('значение');
  });

  it('reports error replies as RespError with their code', async () => {
    await client.send(['LPUSH', 'a-list', 'x']);
    const error = await client.get('a-list').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RespError);
    expect(error).toMatchObject({ code: 'WRONGTYPE' });
  });

  it('lists nodes and slot owners as CLUSTER SLOTS does, for the operator CLI', async () => {
    const nodes = client.nodes();
    expect(nodes).toHaveLength(3);
    expect(nodes.every((node) => node.role === 'master' && /^[0-9a-f]{40}$/.test(node.id ?? ''))).toBe(true);
    expect(nodes.map((node) => node.address.port).sort()).toEqual(
      cluster.nodes.map((node) => node.port).sort(),
    );
    const covered = nodes.flatMap((node) => node.slots).reduce((n, r) => n + r.end - r.start + 1, 0);
    expect(covered).toBe(SLOT_COUNT);
    for (const node of nodes) {
      const id = await client.sendToNode(node.address.key, ['CLUSTER', 'MYID']);
      expect(id).toBe(node.id);
      const first = node.slots[0]?.start as number;
      expect(client.slotOwner(first)).toEqual(node.address);
    }
    expect(() => client.slotOwner(16384)).toThrow(InvalidOptionError);
  });

  it('refuses commands once closed', async () => {
    const other = await ClusterClient.connect({ seeds: cluster.seeds });
    expect(await other.send(['PING'])).toBe('PONG');
    await other.close();
    await expect(other.get('k')).rejects.toBeInstanceOf(ClientClosedError);
    await expect(other.sendToNode(cluster.seeds[0] as string, ['PING'])).rejects.toBeInstanceOf(
      ClientClosedError,
    );
  });
});
