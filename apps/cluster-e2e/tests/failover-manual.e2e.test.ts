// CLUSTER FAILOVER on a replica, each form in the situation it exists for (redis 10-manual-failover.tcl,
// 11-manual-takeover.tcl): the default one under write load (the master holds its writes, the replica takes
// over, the old master follows it and its held writes are redirected), FORCE when the master is dead (still
// voted by the other masters), TAKEOVER when most masters are dead (no vote possible). No coordinator runs:
// manual failover is the replica's own agent's job. The reply is +OK at once, as in Redis.
import { describe, expect, it } from 'vitest';
import { startTesseraCluster, waitFor, type TesseraCluster } from '@tessera/testing';
import {
  idsOf,
  keysServedBy,
  oneMasterPerSlot,
  waitForPromotion,
  WriteLoad,
} from '../src/failover-support.js';

const NODE_TIMEOUT_MS = 1000;

async function shape(cluster: TesseraCluster): Promise<{ master: number; replica: number; ids: string[] }[]> {
  const ids = await idsOf(cluster);
  const lines = await cluster.clusterNodes(0);
  return lines
    .filter((l) => l.flags.includes('master'))
    .map((master) => ({
      master: ids.indexOf(master.id),
      replica: ids.indexOf(lines.find((l) => l.masterId === master.id)?.id ?? ''),
      ids,
    }));
}

async function followsIn(cluster: TesseraCluster, indices: readonly number[], id: string, masterId: string) {
  await waitFor(`${id} to replicate ${masterId} in every view`, async () => {
    for (const i of indices) {
      const line = (await cluster.clusterNodes(i)).find((l) => l.id === id);
      if (line?.masterId !== masterId || line.flags.includes('fail'))
        return `${cluster.node(i).port}: ${line?.text}`;
    }
    return true;
  });
}

describe('CLUSTER FAILOVER', () => {
  it('default: under write load the replica takes over, the master follows it, writes go on', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
    });
    const [{ master, replica, ids }] = (await shape(cluster)) as [
      { master: number; replica: number; ids: string[] },
    ];
    const masterLine = (await cluster.clusterNodes(0)).find((l) => l.id === ids[master]);
    if (masterLine === undefined) throw new Error('no master line');
    const keys = keysServedBy(masterLine, 20, 'manual');
    const load = new WriteLoad(cluster, keys);
    try {
      await waitFor('writes to flow', () => load.successes.length > 50 || `${load.successes.length} writes`);
      const replicated = String(await cluster.call(replica, 'INFO', 'replication')).includes(
        'master_link_status:up',
      );
      const startedAt = Date.now();
      expect(await cluster.call(replica, 'CLUSTER', 'FAILOVER')).toBe('OK');
      await waitForPromotion(
        cluster,
        cluster.nodes.map((_, i) => i),
        ids[replica] as string,
      );
      await followsIn(
        cluster,
        cluster.nodes.map((_, i) => i),
        ids[master] as string,
        ids[replica] as string,
      );
      const done = Date.now() - startedAt;
      const before = load.successes.length;
      await waitFor(
        'writes to go on after the failover',
        () => load.successes.length > before + 50 || `${load.successes.length - before} writes`,
      );
      console.info(
        `manual failover: done in every view after ${done} ms; ${load.errors} writes failed meanwhile`,
      );
      await cluster.waitForState('ok', undefined, 30_000);
      expect(
        await oneMasterPerSlot(
          cluster,
          cluster.nodes.map((_, i) => i),
        ),
      ).toBe(true);
      await load.stopWriting();
      console.info(`manual failover: replication ${replicated ? 'up' : 'not there'} before it`);
      if (replicated) {
        // With replication, no acknowledged write is lost: the master held its writes until the replica had
        // its final offset.
        for (const [key, value] of load.acknowledged) expect(await load.client.get(key)).toBe(value);
      }
      const info = await cluster.clusterInfo(replica);
      expect(Number(info['cluster_stats_messages_auth-req_sent'])).toBeGreaterThan(0);
      expect(Number(info['cluster_stats_messages_auth-ack_received'])).toBeGreaterThan(0);
      expect(Number(info['cluster_stats_messages_mfstart_sent'])).toBe(1);
    } finally {
      await load.stop();
    }
  });

  it('FORCE: with the master dead, the plain form is refused and FORCE is voted in', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
    });
    const [{ master, replica, ids }] = (await shape(cluster)) as [
      { master: number; replica: number; ids: string[] },
    ];
    await cluster.kill(master);
    const others = cluster.nodes.flatMap((_, i) => (i === master ? [] : [i]));
    await waitFor(
      'the replica to see its master fail',
      async () =>
        (await cluster.clusterNodes(replica)).find((l) => l.id === ids[master])?.flags.includes('fail') ===
          true || 'not yet',
    );
    await expect(cluster.call(replica, 'CLUSTER', 'FAILOVER')).rejects.toThrow(
      'ERR Master is down or failed, please use CLUSTER FAILOVER FORCE',
    );
    expect(await cluster.call(replica, 'CLUSTER', 'FAILOVER', 'FORCE')).toBe('OK');
    await waitForPromotion(cluster, others, ids[replica] as string);
    await cluster.waitForState('ok', others, 30_000);
    await expect(cluster.call(master === 0 ? 1 : 0, 'CLUSTER', 'FAILOVER')).rejects.toThrow(
      'ERR You should send CLUSTER FAILOVER to a replica',
    );
  });

  it('TAKEOVER: with two of three masters dead, their replicas take over without votes and the cluster is ok', async () => {
    await using cluster = await startTesseraCluster({
      masters: 3,
      replicasPerMaster: 1,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
    });
    const pairs = await shape(cluster);
    const dead = pairs.slice(0, 2);
    const ids = pairs[0]?.ids ?? [];
    for (const pair of dead) await cluster.kill(pair.master);
    const alive = cluster.nodes.flatMap((_, i) => (dead.some((p) => p.master === i) ? [] : [i]));
    await cluster.waitForState('fail', alive, 30_000);
    // No majority is left: FORCE cannot be voted in; TAKEOVER needs none.
    for (const pair of dead)
      expect(await cluster.call(pair.replica, 'CLUSTER', 'FAILOVER', 'TAKEOVER')).toBe('OK');
    for (const pair of dead) await waitForPromotion(cluster, alive, ids[pair.replica] as string);
    await cluster.waitForState('ok', alive, 30_000);
    const epochs = await Promise.all(
      alive.map(async (i) => Number((await cluster.clusterInfo(i))['cluster_current_epoch'])),
    );
    expect(new Set(epochs).size).toBe(1);
    // The dead masters come back as replicas of the nodes that took their slots.
    for (const pair of dead) await cluster.restart(pair.master);
    for (const pair of dead) {
      await followsIn(
        cluster,
        cluster.nodes.map((_, i) => i),
        ids[pair.master] as string,
        ids[pair.replica] as string,
      );
    }
    await cluster.waitForAgreement(undefined, 30_000);
    expect(
      await oneMasterPerSlot(
        cluster,
        cluster.nodes.map((_, i) => i),
      ),
    ).toBe(true);
  });
});
