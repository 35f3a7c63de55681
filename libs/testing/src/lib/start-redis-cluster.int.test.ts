import { describe, expect, it } from 'vitest';
import { keySlot } from '@tessera/slot';
import { startRedisCluster, type RedisClusterNode } from './start-redis-cluster.js';

/** [start, end, [host, port, id], ...replicas] entries of CLUSTER SLOTS. */
type SlotsEntry = [number, number, [string, number, string], ...[string, number, string][]];

describe('startRedisCluster', () => {
  it('forms a 3-master cluster whose slot owners serve their keys, and a killed master rejoins on restart', async () => {
    await using cluster = await startRedisCluster({ masters: 3 });
    const [first, victim] = cluster.nodes as [RedisClusterNode, RedisClusterNode];
    expect(cluster.nodes).toHaveLength(3);
    const slots = (await cluster.call(first.port, 'CLUSTER', 'SLOTS')) as SlotsEntry[];
    const slot = keySlot('answer');
    const owner = slots.find(([start, end]) => slot >= start && slot <= end) as SlotsEntry;
    const ownerPort = owner[2][1];
    expect(await cluster.call(ownerPort, 'SET', 'answer', '42')).toBe('OK');
    const other = cluster.nodes.find((node) => node.port !== ownerPort) as RedisClusterNode;
    await expect(cluster.call(other.port, 'GET', 'answer')).rejects.toThrow(
      `MOVED ${slot} 127.0.0.1:${ownerPort}`,
    );

    await victim.kill();
    await cluster.waitForState('fail');
    await victim.restart();
    await cluster.waitForState('ok');
    expect(await cluster.call(victim.port, 'CLUSTER', 'MYID')).toMatch(/^[0-9a-f]{40}$/);
  }, 60_000);

  it('gives every master its replicas', async () => {
    await using cluster = await startRedisCluster({ masters: 3, replicas: 1 });
    expect(cluster.seeds).toHaveLength(6);
    const roles = await Promise.all(
      cluster.nodes.map(async (node) => ((await cluster.call(node.port, 'ROLE')) as [string])[0]),
    );
    expect(roles.filter((role) => role === 'master')).toHaveLength(3);
    expect(roles.filter((role) => role === 'slave')).toHaveLength(3);
    const slots = (await cluster.call(
      (cluster.nodes[0] as RedisClusterNode).port,
      'CLUSTER',
      'SLOTS',
    )) as SlotsEntry[];
    for (const entry of slots) expect(entry).toHaveLength(4); // start, end, master, one replica
  }, 60_000);
});
