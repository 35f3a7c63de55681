// A master is SIGKILLed under continuous writes from an ioredis Cluster client (redis 02-failover.tcl): its
// replica is voted in by the other masters through the failover-coordinator, CLUSTER NODES everywhere shows
// it as master with a newer epoch, cluster_state is ok again and the client's writes to the failed master's
// slots succeed again. The test records the time from the kill to the first successful write. The old master
// restarted rejoins as a replica of the new one, and no view has a slot with two masters.
//
// Data: when the data-node answers WAIT (replication), writes acknowledged with WAIT 1 before the kill must be
// readable after the failover; without replication the promoted replica is empty and only routing is checked. With a 1 s node timeout the bound is: FAIL after at most 2 node timeouts, Redis's election delay
// (500-1000 ms), the votes and takeover (milliseconds), the client's slot refresh; 10 s leaves room for
// the scheduling of ~9 processes on 2 cores. Observed here: see the printed timings.
import { describe, expect, it } from 'vitest';
import { startTesseraCluster, waitFor } from '@tessera/testing';
import {
  idsOf,
  keysServedBy,
  oneMasterPerSlot,
  promotions,
  startCoordinators,
  waitForPromotion,
  WriteLoad,
} from '../src/failover-support.js';

const NODE_TIMEOUT_MS = 1000;

describe('failover after a master is killed', () => {
  it('promotes its replica, restores cluster_state ok and writes, and the restarted master rejoins as a replica', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
    });
    const coordinators = await startCoordinators(cluster, 1);
    try {
      const ids = await idsOf(cluster);
      const lines = await cluster.clusterNodes(0);
      // The victim: the master whose replica is node 3, 4 or 5 (redis-cli --cluster create pairs them).
      const victimLine = lines.find((l) => l.flags.includes('master') && l.id !== ids[0]) ?? lines[0];
      if (victimLine === undefined) throw new Error('no master');
      const victim = ids.indexOf(victimLine.id);
      const replicaLine = lines.find((l) => l.masterId === victimLine.id);
      if (replicaLine === undefined) throw new Error('the victim has no replica');
      const replica = ids.indexOf(replicaLine.id);
      const epochBefore = Math.max(...lines.map((l) => l.configEpoch));
      const victimKeys = keysServedBy(victimLine, 20, 'victim');
      const load = new WriteLoad(cluster, [
        ...victimKeys,
        ...keysServedBy(lines[0] ?? victimLine, 5, 'other'),
      ]);
      try {
        await waitFor(
          'the write load to reach the victim',
          () => load.firstSuccessAfter(0, victimKeys) !== null || 'no write yet',
        );
        // With replication (WAIT answers), every write acknowledged with WAIT 1 before the kill must survive.
        const direct = cluster.client(victim);
        const waited = new Map<string, string>();
        const hasWait = typeof (await direct.call('WAIT', '0', '0').catch(() => null)) === 'number';
        if (hasWait) {
          for (const key of keysServedBy(victimLine, 20, 'waited')) {
            await direct.set(key, `value-of-${key}`);
            if (Number(await direct.call('WAIT', '1', '2000')) >= 1) waited.set(key, `value-of-${key}`);
          }
        }
        const killedAt = Date.now();
        await cluster.kill(victim);
        const survivors = cluster.nodes.flatMap((_, i) => (i === victim ? [] : [i]));

        await waitForPromotion(cluster, survivors, replicaLine.id);
        const promotedAfter = Date.now() - killedAt;
        await cluster.waitForState('ok', survivors, 30_000);
        const okAfter = Date.now() - killedAt;
        await waitFor('a write to the failed master slots to succeed again', () =>
          load.recoveredAfter(killedAt, victimKeys) !== null ? true : `${load.errors} errors so far`,
        );
        const firstWriteAfter = (load.recoveredAfter(killedAt, victimKeys) as number) - killedAt;
        console.info(
          `SIGKILL failover: promoted in every view after ${promotedAfter} ms, cluster_state ok after ${okAfter} ms, first successful write after ${firstWriteAfter} ms (${load.errors} failed writes meanwhile)`,
        );
        expect(firstWriteAfter).toBeLessThan(10_000);
        if (hasWait) {
          console.info(
            `SIGKILL failover: ${waited.size} of 20 writes acknowledged by WAIT 1 before the kill`,
          );
          for (const [key, value] of waited) expect(await load.client.get(key)).toBe(value);
        } else {
          console.info('SIGKILL failover: WAIT not available (no replication yet): data not checked');
        }

        // CLUSTER NODES: the replica is a master with a newer epoch, serving the victim's slots.
        const after = await cluster.clusterNodes(survivors[0] as number);
        const promoted = after.find((l) => l.id === replicaLine.id);
        expect(promoted?.flags).toContain('master');
        expect(promoted?.slots).toEqual(victimLine.slots);
        expect(promoted?.configEpoch).toBeGreaterThan(epochBefore);
        expect(after.find((l) => l.id === victimLine.id)?.flags).toContain('fail');
        expect(await promotions(coordinators)).toBe(1);
        // The voters counted the vote requests in CLUSTER INFO.
        const infos = await Promise.all(survivors.map((i) => cluster.clusterInfo(i)));
        expect(infos.some((info) => Number(info['cluster_stats_messages_auth-req_received'] ?? 0) > 0)).toBe(
          true,
        );
        expect(infos.some((info) => Number(info['cluster_stats_messages_auth-ack_sent'] ?? 0) > 0)).toBe(
          true,
        );
        expect(Number(infos[0]?.['cluster_current_epoch'])).toBeGreaterThan(epochBefore);
        // COUNT-FAILURE-REPORTS works on the failed node (reports expire after 2 x node-timeout).
        const reports = await cluster.call(
          survivors[0] as number,
          'CLUSTER',
          'COUNT-FAILURE-REPORTS',
          victimLine.id,
        );
        expect(typeof reports).toBe('number');

        // The old master comes back: demoted to a replica of the new master.
        await cluster.restart(victim);
        await waitFor('the old master to replicate the promoted replica in every view', async () => {
          for (let i = 0; i < cluster.nodes.length; i++) {
            const line = (await cluster.clusterNodes(i)).find((l) => l.id === victimLine.id);
            if (
              line?.masterId !== replicaLine.id ||
              !line.flags.includes('slave') ||
              line.flags.includes('fail')
            )
              return `${cluster.node(i).port} prints ${line?.text}`;
          }
          return true;
        });
        await cluster.waitForState('ok', undefined, 30_000);
        await cluster.waitForAgreement(undefined, 30_000);
        expect(
          await oneMasterPerSlot(
            cluster,
            cluster.nodes.map((_, i) => i),
          ),
        ).toBe(true);
        expect(replica).toBeGreaterThanOrEqual(0);
      } finally {
        await load.stop();
      }
    } finally {
      await Promise.all(coordinators.map((c) => c.stop()));
    }
  });
});
