// Real cluster clients against data-nodes in cluster mode over real sockets: `redis-cli -c` and the ioredis
// `Cluster` client. One node takes every slot with CLUSTER ADDSLOTSRANGE through its LocalAgentLink; then two
// in-process nodes split the slots. There is no gossip-agent yet, so the two nodes' LocalAgentLinks are given
// the same topology (one CLUSTER NODES text, each node loading it from its own `myself` line) and a slot
// hand-over is sent to both, as redis-cli --cluster sends SETSLOT NODE to every master.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clusterStateFromNodes } from '@tessera/cluster-model';
import { keySlot } from '@tessera/slot';
import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../testing/cluster-fixtures.js';
import { startInProcessNode, type InProcessNode } from '../testing/in-process-node.js';

const run = promisify(execFile);

const CLUSTER_DIRECTIVES = {
  'cluster-enabled': 'yes',
  'cluster-agent': 'local',
  'cluster-announce-ip': '127.0.0.1',
  // The rejoin delay of a master that held no slot (a minority of one) is clamp(node-timeout, 500, 5000) ms.
  'cluster-node-timeout': '500',
};

async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-c', '-h', '127.0.0.1', '-p', String(port), ...args]);
  return stdout.trim();
}

async function waitForClusterOk(client: Redis): Promise<void> {
  while (!((await client.call('CLUSTER', 'INFO')) as string).startsWith('cluster_state:ok')) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function clusterClient(port: number): Cluster {
  return new Cluster([{ host: '127.0.0.1', port }], { enableReadyCheck: true });
}

describe('one node holding every slot', () => {
  let node: InProcessNode;
  let admin: Redis;
  let cluster: Cluster;

  beforeAll(async () => {
    node = await startInProcessNode(CLUSTER_DIRECTIVES);
    admin = node.ioredis();
    expect(await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383')).toBe('OK');
    await waitForClusterOk(admin);
    cluster = clusterClient(node.port);
  });

  afterAll(async () => {
    cluster?.disconnect();
    admin?.disconnect();
    await node?.close();
  });

  it('answers redis-cli -c', async () => {
    expect(await redisCli(node.port, 'SET', 'cli:key', 'cli-value')).toBe('OK');
    expect(await redisCli(node.port, 'GET', 'cli:key')).toBe('cli-value');
    expect(await redisCli(node.port, 'CLUSTER', 'KEYSLOT', 'cli:key')).toBe(String(keySlot('cli:key')));
  });

  it('serves 1,000 SET/GET across slots to the ioredis Cluster client', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `key:${i}`);
    const slots = new Set(keys.map((key) => keySlot(key)));
    expect(slots.size).toBeGreaterThan(900);
    expect(await Promise.all(keys.map((key) => cluster.set(key, `value:${key}`)))).toEqual(
      keys.map(() => 'OK'),
    );
    expect(await Promise.all(keys.map((key) => cluster.get(key)))).toEqual(keys.map((key) => `value:${key}`));
  });

  it('runs MSET/MGET with hash tags and a MULTI on one slot', async () => {
    expect(await cluster.mset('{user:7}:name', 'ada', '{user:7}:lang', 'ts')).toBe('OK');
    expect(await cluster.mget('{user:7}:name', '{user:7}:lang')).toEqual(['ada', 'ts']);
    const results = await cluster
      .multi()
      .set('{order:9}:state', 'paid')
      .incr('{order:9}:n')
      .get('{order:9}:state')
      .exec();
    expect(results).toEqual([
      [null, 'OK'],
      [null, 1],
      [null, 'paid'],
    ]);
  });

  it('refuses MSET of keys without a shared hash tag with CROSSSLOT', async () => {
    await expect(cluster.mset('plain:a', '1', 'plain:b', '2')).rejects.toThrow(
      "CROSSSLOT Keys in request don't hash to the same slot",
    );
    expect(await admin.info('errorstats')).toContain('errorstat_CROSSSLOT:count=1');
  });
});

describe('two nodes splitting the slots', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  let nodeA: InProcessNode;
  let nodeB: InProcessNode;
  let adminA: Redis;
  let adminB: Redis;
  let cluster: Cluster;

  /** The topology as `myself` sees it: A serves 0-8191, B 8192-16383. */
  function topology(myself: string): string {
    const line = (id: string, port: number, slots: string, epoch: number) =>
      `${id} 127.0.0.1:${port}@${port} ${id === myself ? 'myself,' : ''}master - 0 0 ${epoch} connected ${slots}\n`;
    return line(A, nodeA.port, '0-8191', 1) + line(B, nodeB.port, '8192-16383', 2);
  }

  /** A key in A's half whose slot holds no key yet (so it can be handed over empty). */
  const keyInEmptySlotOfA = async (prefix: string) => {
    for (let i = 0; ; i++) {
      const slot = keySlot(`${prefix}${i}`);
      if (slot < 8192 && (await adminA.call('CLUSTER', 'COUNTKEYSINSLOT', String(slot))) === 0) {
        return `${prefix}${i}`;
      }
    }
  };
  /** A key in B's half. */
  const keyOnB = (prefix: string) => {
    for (let i = 0; ; i++) if (keySlot(`${prefix}${i}`) >= 8192) return `${prefix}${i}`;
  };

  beforeAll(async () => {
    nodeA = await startInProcessNode(CLUSTER_DIRECTIVES);
    nodeB = await startInProcessNode(CLUSTER_DIRECTIVES);
    for (const [node, me] of [
      [nodeA, A],
      [nodeB, B],
    ] as const) {
      if (node.cluster?.kind !== 'local') throw new Error('expected the in-process agent link');
      node.cluster.agent.load(settled(clusterStateFromNodes(topology(me))));
    }
    adminA = nodeA.ioredis();
    adminB = nodeB.ioredis();
    cluster = clusterClient(nodeA.port);
  });

  afterAll(async () => {
    cluster?.disconnect();
    adminA?.disconnect();
    adminB?.disconnect();
    await Promise.all([nodeA?.close(), nodeB?.close()]);
  });

  it('redirects a key of the other half with MOVED to the node that serves it', async () => {
    const key = keyOnB('moved:');
    await expect(adminA.get(key)).rejects.toThrow(`MOVED ${keySlot(key)} 127.0.0.1:${nodeB.port}`);
  });

  it('lets the ioredis Cluster client, seeded with A only, spread 1,000 keys over both nodes', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `spread:${i}`);
    await Promise.all(keys.map((key) => cluster.set(key, key.toUpperCase())));
    expect(await Promise.all(keys.map((key) => cluster.get(key)))).toEqual(
      keys.map((key) => key.toUpperCase()),
    );
    const onA = keys.filter((key) => keySlot(key) < 8192).length;
    expect(await adminA.dbsize()).toBe(onA);
    expect(await adminB.dbsize()).toBe(1000 - onA);
  });

  it('lets redis-cli -c follow MOVED from A to B', async () => {
    const key = keyOnB('cli:');
    expect(await redisCli(nodeA.port, 'SET', key, 'via-moved')).toBe('OK');
    expect(await adminB.get(key)).toBe('via-moved');
    expect(await redisCli(nodeA.port, 'GET', key)).toBe('via-moved');
  });

  it('lets ioredis follow MOVED after a slot is handed from A to B', async () => {
    const key = await keyInEmptySlotOfA('handover:');
    const slot = String(keySlot(key));
    expect(await cluster.set(key, 'before')).toBe('OK');
    expect(await adminA.del(key)).toBe(1); // SETSLOT NODE refuses to give away a slot that still holds keys
    // What redis-cli --cluster sends at the end of a slot move: the target first, then the source.
    expect(await adminB.call('CLUSTER', 'SETSLOT', slot, 'NODE', B)).toBe('OK');
    expect(await adminA.call('CLUSTER', 'SETSLOT', slot, 'NODE', B)).toBe('OK');
    const movedBefore = await adminA.info('errorstats');
    expect(await cluster.set(key, 'after')).toBe('OK'); // ioredis still maps the slot to A: MOVED, then B
    expect(await adminB.get(key)).toBe('after');
    expect(await adminA.call('CLUSTER', 'COUNTKEYSINSLOT', slot)).toBe(0);
    expect(await cluster.get(key)).toBe('after');
    const moved = (text: string) => Number(/errorstat_MOVED:count=(\d+)/.exec(text)?.[1] ?? 0);
    expect(moved(await adminA.info('errorstats'))).toBe(moved(movedBefore) + 1);
    await expect(adminA.exists(key)).rejects.toThrow(`MOVED ${slot} 127.0.0.1:${nodeB.port}`);
  });
});
