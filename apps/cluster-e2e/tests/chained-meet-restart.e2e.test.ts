// Ten nodes joined by a chain of MEETs (node i meets node i+1 only, so most nodes learn of each other through
// gossip) converge on one view of masters, epochs and slots; then all twenty processes are SIGKILLed and started
// again, and the cluster comes back from the nodes.conf files with the same node ids, slots and epochs.
// The node timeout is 3 s: twenty Node.js processes share 2 cores, and a 1 s timeout flags busy nodes.
import { describe, expect, it } from 'vitest';
import {
  clusterView,
  myselfOf,
  splitSlots,
  startTesseraCluster,
  waitFor,
  type TesseraCluster,
} from '@tessera/testing';

const NODES = 10;

/** What must survive a full restart: every node's view (ids, addresses, roles, epochs, slots) and epochs. */
async function snapshot(cluster: TesseraCluster) {
  return Promise.all(
    cluster.nodes.map(async (_, i) => {
      const info = await cluster.clusterInfo(i);
      const lines = await cluster.clusterNodes(i);
      return {
        id: myselfOf(lines).id,
        view: clusterView(lines),
        currentEpoch: info['cluster_current_epoch'],
        myEpoch: info['cluster_my_epoch'],
      };
    }),
  );
}

describe('a 10-node cluster formed by chained MEETs', () => {
  it('converges to one view with distinct config epochs, and a full SIGKILL and restart brings back the same ids, slots and epochs', async () => {
    await using cluster = await startTesseraCluster({
      masters: NODES,
      formWith: 'meet',
      meetTopology: 'chain',
      nodeTimeoutMs: 3000,
      readyTimeoutMs: 90_000,
    });
    const views = await Promise.all(
      cluster.nodes.map(async (_, i) => clusterView(await cluster.clusterNodes(i))),
    );
    const ranges = splitSlots(NODES);
    for (const view of views) {
      expect(view).toEqual(views[0]);
      expect(view).toHaveLength(NODES);
    }
    for (const [i, node] of cluster.nodes.entries()) {
      const [start, end] = ranges[i] as [number, number];
      expect(myselfOf(await cluster.clusterNodes(i))).toMatchObject({
        port: node.port,
        slots: [[start, end]],
      });
    }
    // All masters joined with configEpoch 0; Redis's collision handling gives each a distinct one.
    await waitFor(
      'distinct config epochs on every node',
      async () => {
        const epochs = (await cluster.clusterNodes(0)).map((line) => line.configEpoch);
        return new Set(epochs).size === NODES ? true : `epochs ${epochs.join(',')}`;
      },
      { timeoutMs: 60_000 },
    );
    await cluster.waitForAgreement();
    await cluster.waitForState('ok');
    const before = await snapshot(cluster);

    await Promise.all(cluster.nodes.map((node) => node.kill()));
    await Promise.all(cluster.nodes.map((node) => node.restart()));
    await cluster.waitForAgreement(undefined, 90_000);
    await cluster.waitForState('ok', undefined, 90_000);
    expect(await snapshot(cluster)).toEqual(before);
  });
});
