// Reads from replicas on a real Redis Cluster with one replica per master: with scaleReads 'replica' the
// client opens READONLY connections to replicas and sends read-only commands there, writes to masters.
import { startRedisCluster } from '@tessera/testing';
import { describe, expect, it } from 'vitest';
import { ClusterClient } from './cluster-client.js';

describe('replica reads', () => {
  it('sends reads to READONLY replica connections and writes to masters', async () => {
    await using cluster = await startRedisCluster({ masters: 3, replicas: 1 });
    await using client = await ClusterClient.connect({ seeds: cluster.seeds, scaleReads: 'replica' });
    const nodes = client.nodes();
    expect(nodes.filter((node) => node.role === 'replica')).toHaveLength(3);

    const keys = Array.from({ length: 200 }, (_, i) => `r:${i}`);
    await Promise.all(keys.map((key) => client.set(key, key.toUpperCase())));
    for (const master of nodes.filter((node) => node.role === 'master')) {
      // WAIT on the connection that carried the writes: every replica has them before we read.
      expect(await client.sendToNode(master.address.key, ['WAIT', '1', '5000'])).toBe(1);
    }
    await Promise.all(cluster.nodes.map((node) => cluster.call(node.port, 'CONFIG', 'RESETSTAT')));

    const values = await Promise.all(keys.map((key) => client.get(key)));
    expect(values).toEqual(keys.map((key) => key.toUpperCase()));
    expect(await client.send(['MGET', '{t}a', '{t}b'])).toEqual([null, null]);

    for (const node of nodes) {
      const stats = String(await cluster.call(node.address.port, 'INFO', 'commandstats'));
      const gets = Number(/cmdstat_get:calls=(\d+)/.exec(stats)?.[1] ?? 0);
      if (node.role === 'replica') expect(gets).toBeGreaterThan(0);
      else expect(gets).toBe(0);
    }
    expect(client.stats().redirects.moved).toBe(0); // a replica without READONLY would have answered MOVED
  }, 180_000);
});
