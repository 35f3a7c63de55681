// `redis-cli --cluster add-node` (as a master, and as a replica of a chosen master) and `--cluster del-node`
// against a running tessera cluster. redis-cli 7.0.15's del-node sends CLUSTER FORGET <id> to every other node
// and CLUSTER RESET SOFT to the deleted one (">>> Sending CLUSTER RESET SOFT to the deleted node."); it does not
// send SHUTDOWN (older redis-trib did), so the deleted node keeps running, alone.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { myselfOf, startTesseraCluster, waitFor } from '@tessera/testing';
import { runTool } from '../src/run-tool.js';

describe('redis-cli --cluster add-node and del-node', () => {
  it('adds an empty node as a master, another as the replica of a given master, and del-node removes the empty master', async () => {
    await using cluster = await startTesseraCluster({ nodes: 5, masters: 3 });
    const entry = cluster.addresses[0] as string;
    const newMaster = 3;
    const newReplica = 4;

    const addMaster = await runTool('redis-cli', [
      '--cluster',
      'add-node',
      cluster.addresses[newMaster] as string,
      entry,
    ]);
    expect(addMaster.code, addMaster.output).toBe(0);
    expect(addMaster.output).toContain('[OK] New node added correctly.');
    await cluster.waitForAgreement([0, 1, 2, newMaster]);
    const masterId = myselfOf(await cluster.clusterNodes(newMaster)).id;
    for (const i of [0, 1, 2, newMaster]) {
      const line = (await cluster.clusterNodes(i)).find((l) => l.id === masterId);
      expect(line?.flags).toContain('master');
      expect(line?.slots).toEqual([]);
    }

    const target = myselfOf(await cluster.clusterNodes(1));
    const addReplica = await runTool('redis-cli', [
      '--cluster',
      'add-node',
      cluster.addresses[newReplica] as string,
      entry,
      '--cluster-slave',
      '--cluster-master-id',
      target.id,
    ]);
    expect(addReplica.code, addReplica.output).toBe(0);
    expect(addReplica.output).toContain('[OK] New node added correctly.');
    await cluster.waitForAgreement([0, 1, 2, newMaster, newReplica]);
    const replicaLine = myselfOf(await cluster.clusterNodes(newReplica));
    expect(replicaLine.flags).toEqual(['myself', 'slave']);
    expect(replicaLine.masterId).toBe(target.id);
    const check = await runTool('redis-cli', ['--cluster', 'check', entry]);
    expect(check.output).toContain('[OK] All nodes agree about slots configuration.');
    expect(check.output).toContain('[OK] All 16384 slots covered.');

    const del = await runTool('redis-cli', ['--cluster', 'del-node', entry, masterId]);
    expect(del.code, del.output).toBe(0);
    expect(del.output).toContain('>>> Sending CLUSTER FORGET messages to the cluster...');
    expect(del.output).toContain('>>> Sending CLUSTER RESET SOFT to the deleted node.');
    const members = [0, 1, 2, newReplica];
    await cluster.waitForAgreement(members);
    // FORGET bans the id for 60 s: gossip from nodes that heard of it late must not bring it back.
    await sleep(3 * cluster.nodeTimeoutMs);
    await cluster.waitForAgreement(members, 1000);
    for (const i of members) {
      expect((await cluster.clusterNodes(i)).map((line) => line.id)).not.toContain(masterId);
    }
    await cluster.waitForState('ok', members);
    // The deleted node was reset: it runs and knows only itself (a new, empty cluster of one).
    expect(cluster.node(newMaster).running).toBe(true);
    const alone = await cluster.clusterNodes(newMaster);
    expect(alone.map((line) => line.id)).toEqual([masterId]);
    expect((await cluster.clusterInfo(newMaster))['cluster_known_nodes']).toBe('1');
  });

  // del-node sends FORGET to one node after the other and stops at the first error reply. Our nodes gossip
  // forgotten ids (Redis 7.2's forgotten-node extension), so a later node may have dropped the id before
  // redis-cli gets to it; Redis 7.2 answers FORGET of an id it already forgot (still banned) with OK for that
  // reason, where `ERR Unknown node` would make redis-cli 7.0.15 abort before it resets the deleted node.
  it('CLUSTER FORGET of a node that gossip already made this node forget answers OK, as del-node needs', async () => {
    await using cluster = await startTesseraCluster({ nodes: 4, masters: 3 });
    const extra = cluster.node(3);
    expect(
      await cluster.call(
        3,
        'CLUSTER',
        'MEET',
        '127.0.0.1',
        String(cluster.node(0).port),
        String(cluster.node(0).busPort),
      ),
    ).toBe('OK');
    await cluster.waitForAgreement([0, 1, 2, 3]);
    const id = myselfOf(await cluster.clusterNodes(3)).id;

    expect(await cluster.call(0, 'CLUSTER', 'FORGET', id)).toBe('OK');
    await waitFor(`node ${cluster.node(1).port} to drop ${extra.port} through gossip`, async () =>
      (await cluster.clusterNodes(1)).some((line) => line.id === id) ? 'still listed' : true,
    );
    expect(await cluster.call(1, 'CLUSTER', 'FORGET', id)).toBe('OK');
  });
});
