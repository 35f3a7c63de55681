// A master hangs (SIGSTOP of its data-node and gossip-agent, as valkey's pause_process) until it is failed
// over, then resumes (SIGCONT): its stale slot claim meets the promoted replica's newer configEpoch (UPDATE),
// it becomes that replica's replica, and after convergence no node's view has a slot with two masters
// (redis 08-update-msg.tcl; Jepsen's "pause" nemesis). Two coordinators run at once: one promotion.
import { describe, expect, it } from 'vitest';
import { startTesseraCluster, waitFor } from '@tessera/testing';
import {
  idsOf,
  keysServedBy,
  oneMasterPerSlot,
  promotions,
  startCoordinators,
  waitForPromotion,
} from '../src/failover-support.js';

describe('failover of a hung master', () => {
  it('fails over a SIGSTOPped master; after SIGCONT it rejoins as a replica of the new master and no slot has two masters', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: 1000,
    });
    const coordinators = await startCoordinators(cluster, 2);
    try {
      const ids = await idsOf(cluster);
      const lines = await cluster.clusterNodes(0);
      const victimLine = lines.find((l) => l.flags.includes('master') && l.id !== ids[0]);
      const replicaLine = lines.find((l) => l.masterId === victimLine?.id);
      if (victimLine === undefined || replicaLine === undefined) throw new Error('no master with a replica');
      const victim = ids.indexOf(victimLine.id);
      const others = cluster.nodes.flatMap((_, i) => (i === victim ? [] : [i]));

      const stoppedAt = Date.now();
      await cluster.stop(victim);
      await waitForPromotion(cluster, others, replicaLine.id);
      await cluster.waitForState('ok', others, 30_000);
      console.info(`SIGSTOP failover: cluster_state ok on the others after ${Date.now() - stoppedAt} ms`);

      await cluster.cont(victim);
      await waitFor('the resumed master to replicate the promoted replica in every view', async () => {
        for (let i = 0; i < cluster.nodes.length; i++) {
          const line = (await cluster.clusterNodes(i)).find((l) => l.id === victimLine.id);
          if (line?.masterId !== replicaLine.id || line.flags.includes('fail')) {
            return `${cluster.node(i).port} prints ${line?.text}`;
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
      // Writes to its former slots go to the new master (a replica answers MOVED).
      const [key = 'k'] = keysServedBy(victimLine, 1);
      const moved = await cluster.call(victim, 'SET', key, 'x').catch((error: Error) => error.message);
      expect(String(moved)).toMatch(new RegExp(`^MOVED \\d+ 127\\.0\\.0\\.1:${replicaLine.port}$`));
      expect(await promotions(coordinators)).toBe(1);
    } finally {
      await Promise.all(coordinators.map((c) => c.stop()));
    }
  });
});
