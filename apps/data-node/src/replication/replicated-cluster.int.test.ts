// Replication in a real cluster of processes (data-nodes with their gossip-agents, formed by redis-cli
// --cluster create with one replica per master): writes made through an ioredis Cluster client reach every
// replica, whose dataset then equals its master's, and CLUSTER SLOTS lists each replica once it has synced
// (its offset, gossiped by its agent, is no longer 0). Needs the built apps (the test target builds them).
import { startTesseraCluster, waitFor } from '@tessera/testing';
import { Cluster } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { digest, waitForCaughtUp } from '../testing/replicated-nodes.js';

describe('replication in a cluster of processes', () => {
  it('gives every replica its master digest after 10,000 keys written through an ioredis Cluster', async () => {
    await using cluster = await startTesseraCluster({ masters: 3, replicasPerMaster: 1 });
    const client = new Cluster([...cluster.seeds], { scaleReads: 'master' });
    try {
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 1000 }, (_, i) => {
            const n = batch * 1000 + i;
            return n % 4 === 0
              ? client.set(`key:${n}`, `v${n}`, 'EX', 3600)
              : client.set(`key:${n}`, `v${n}`);
          }),
        );
      }
    } finally {
      client.disconnect();
    }
    const lines = await cluster.clusterNodes(0);
    const indexOfPort = (port: number) => cluster.nodes.findIndex((node) => node.port === port);
    const replicas = lines.filter((line) => line.masterId !== null);
    expect(replicas).toHaveLength(3);
    let keys = 0;
    for (const replica of replicas) {
      const master = lines.find((line) => line.id === replica.masterId);
      if (master === undefined) throw new Error(`no master ${replica.masterId}`);
      const m = cluster.client(indexOfPort(master.port));
      const r = cluster.client(indexOfPort(replica.port));
      await waitForCaughtUp(m, r, 30_000);
      expect(await digest(r)).toBe(await digest(m));
      expect(await r.dbsize()).toBe(await m.dbsize());
      keys += await m.dbsize();
    }
    expect(keys).toBe(10_000);
    await waitFor('CLUSTER SLOTS to list every replica', async () => {
      const slots = (await cluster.call(0, 'CLUSTER', 'SLOTS')) as unknown[][];
      const sizes = slots.map((range) => range.length - 2);
      return sizes.every((n) => n === 2) ? true : `nodes per range: ${sizes.join(',')}`;
    });
  }, 180_000);
});
