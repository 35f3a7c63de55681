// Partition safety (Jepsen's "partition" nemesis, Redis's minority rule): a master cut off the cluster bus by
// iptables (libs/testing busFaults) cannot see a majority of masters; after the node timeout its agent's
// cluster_state is fail and its data-node refuses writes with CLUSTERDOWN, while the majority side marks it
// FAIL and the coordinator (on the majority side) promotes its replica. When the cut heals, the old master
// learns the newer configEpoch and follows the new master: exactly one master per slot in every view.
// Writes the cut master acknowledged before it noticed (within the node timeout) are the window Redis has
// too; the test records how long it kept taking writes. Needs root, iptables and cgroup2 (BusFirewall says
// what is missing).
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startTesseraCluster, waitFor } from '@tessera/testing';
import {
  idsOf,
  keysServedBy,
  oneMasterPerSlot,
  startCoordinators,
  waitForPromotion,
} from '../src/failover-support.js';

const NODE_TIMEOUT_MS = 1000;

describe('a master partitioned from the majority', () => {
  it('refuses writes after the node timeout, is failed over by the majority, and follows the new master once healed', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
      busFaults: true,
    });
    const coordinators = await startCoordinators(cluster, 1);
    try {
      const ids = await idsOf(cluster);
      const lines = await cluster.clusterNodes(0);
      const victimLine = lines.find((l) => l.flags.includes('master') && l.id !== ids[0]);
      const replicaLine = lines.find((l) => l.masterId === victimLine?.id);
      if (victimLine === undefined || replicaLine === undefined) throw new Error('no master with a replica');
      const victim = ids.indexOf(victimLine.id);
      const majority = cluster.nodes.flatMap((_, i) => (i === victim ? [] : [i]));
      const [key = 'k'] = keysServedBy(victimLine, 1, 'cut');
      const direct = cluster.client(victim);
      expect(await direct.set(key, 'before')).toBe('OK');

      const cutAt = Date.now();
      cluster.cutBus(victim);
      // The cut master keeps answering clients; it must start refusing writes once it knows it is alone.
      let refusedAfter = -1;
      let lastAcceptedAfter = 0;
      while (Date.now() - cutAt < 10 * NODE_TIMEOUT_MS) {
        const reply = await direct.set(key, String(Date.now())).catch((error: Error) => error.message);
        if (reply === 'OK') lastAcceptedAfter = Date.now() - cutAt;
        else if (String(reply).startsWith('CLUSTERDOWN')) {
          refusedAfter = Date.now() - cutAt;
          break;
        }
        await sleep(25);
      }
      console.info(
        `partition: the cut master took writes for ${lastAcceptedAfter} ms, refused them (CLUSTERDOWN) after ${refusedAfter} ms`,
      );
      expect(refusedAfter).toBeGreaterThan(0);
      expect(refusedAfter).toBeLessThanOrEqual(2 * NODE_TIMEOUT_MS + 1000);
      await expect(direct.get(key)).rejects.toThrow(/CLUSTERDOWN/);

      // The majority side fails it over.
      await waitForPromotion(cluster, majority, replicaLine.id);
      await cluster.waitForState('ok', majority, 30_000);
      console.info(`partition: the majority side was ok again after ${Date.now() - cutAt} ms`);
      // The cut master still refuses: it has not seen a majority since.
      await expect(direct.set(key, 'during')).rejects.toThrow(/CLUSTERDOWN/);

      cluster.healBus(victim);
      await waitFor('the healed master to follow the promoted replica in every view', async () => {
        for (let i = 0; i < cluster.nodes.length; i++) {
          const line = (await cluster.clusterNodes(i)).find((l) => l.id === victimLine.id);
          if (line?.masterId !== replicaLine.id || line.flags.includes('fail')) {
            return `${cluster.node(i).port}: ${line?.text}`;
          }
        }
        return true;
      });
      await cluster.waitForAgreement(undefined, 30_000);
      await cluster.waitForState('ok', undefined, 30_000);
      expect(
        await oneMasterPerSlot(
          cluster,
          cluster.nodes.map((_, i) => i),
        ),
      ).toBe(true);
      await expect(direct.set(key, 'after')).rejects.toThrow(
        new RegExp(`MOVED \\d+ 127\\.0\\.0\\.1:${replicaLine.port}`),
      );
    } finally {
      await Promise.all(coordinators.map((c) => c.stop()));
    }
  });
});
