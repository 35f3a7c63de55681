// `redis-cli --cluster create | check | info` (Debian redis-tools 7.0.15) against real tessera nodes: the
// operators' tool forms the cluster, and its own consistency checks accept what every node prints.
import { describe, expect, it } from 'vitest';
import { myselfOf, startTesseraCluster, type ClusterNodesLine } from '@tessera/testing';
import { runTool } from '../src/run-tool.js';

const masterLines = (lines: readonly ClusterNodesLine[]) =>
  lines.filter((line) => line.flags.includes('master'));

describe('redis-cli --cluster create', () => {
  it("forms a 3-master cluster with redis-cli's slot split, which --cluster check and --cluster info accept", async () => {
    await using cluster = await startTesseraCluster({ masters: 3 });
    expect(cluster.createOutput).toContain('[OK] All nodes agree about slots configuration.');
    expect(cluster.createOutput).toContain('[OK] All 16384 slots covered.');

    const ids = await Promise.all([0, 1, 2].map(async (i) => myselfOf(await cluster.clusterNodes(i)).id));
    for (const i of [0, 1, 2]) {
      const lines = await cluster.clusterNodes(i);
      expect(lines).toHaveLength(3);
      expect(
        masterLines(lines)
          .map((line) => [line.port, line.slots])
          .sort(([a], [b]) => Number(a) - Number(b)),
      ).toEqual(
        [
          [cluster.node(0).port, [[0, 5460]]],
          [cluster.node(1).port, [[5461, 10922]]],
          [cluster.node(2).port, [[10923, 16383]]],
        ].sort(([a], [b]) => Number(a) - Number(b)),
      );
      expect(new Set(lines.map((line) => line.configEpoch)).size).toBe(3); // SET-CONFIG-EPOCH 1..3
      expect(lines.map((line) => line.busPort).sort()).toEqual(
        cluster.nodes.map((node) => node.busPort).sort(),
      );
    }

    const check = await runTool('redis-cli', ['--cluster', 'check', cluster.addresses[1] as string]);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain('[OK] All nodes agree about slots configuration.');
    expect(check.output).toContain('[OK] All 16384 slots covered.');

    const info = await runTool('redis-cli', ['--cluster', 'info', cluster.addresses[2] as string]);
    expect(info.code, info.output).toBe(0);
    for (const [i, id] of ids.entries()) {
      // "127.0.0.1:7000 (e7d1eecc...) -> 0 keys | 5461 slots | 0 slaves."
      expect(info.output).toMatch(
        new RegExp(
          `${cluster.addresses[i]} \\(${id?.slice(0, 8)}\\.\\.\\.\\) -> 0 keys \\| 546[12] slots \\| 0 slaves\\.`,
        ),
      );
    }
    expect(info.output).toContain('[OK] 0 keys in 3 masters.');
  });

  it('with --cluster-replicas 1 forms 3 masters and 3 replicas, each replica following a master on another node', async () => {
    await using cluster = await startTesseraCluster({ masters: 3, replicasPerMaster: 1 });
    for (const i of cluster.nodes.keys()) {
      const lines = await cluster.clusterNodes(i);
      const masters = masterLines(lines);
      const replicas = lines.filter((line) => line.flags.includes('slave'));
      expect(masters).toHaveLength(3);
      expect(replicas).toHaveLength(3);
      expect(masters.every((line) => line.slots.length > 0 && line.masterId === null)).toBe(true);
      const masterIds = masters.map((line) => line.id);
      for (const replica of replicas) {
        expect(replica.slots).toEqual([]);
        expect(replica.masterId).not.toBe(replica.id);
        expect(masterIds).toContain(replica.masterId);
        // A replica prints its master's configEpoch (redis clusterGenNodeDescription).
        expect(replica.configEpoch).toBe(masters.find((line) => line.id === replica.masterId)?.configEpoch);
      }
      expect(new Set(replicas.map((line) => line.masterId)).size).toBe(3); // one replica per master
    }
    const check = await runTool('redis-cli', ['--cluster', 'check', cluster.addresses[0] as string]);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain('[OK] All nodes agree about slots configuration.');
    expect(check.output).toContain('[OK] All 16384 slots covered.');
    expect(check.output).toMatch(/-> 0 keys \| \d+ slots \| 1 slaves\./);
  });
});
