// What the failover e2e suites share: reading who serves a slot and who replicates whom in every node's
// CLUSTER NODES, checking that no view has a slot with two masters, starting coordinators for a cluster, and
// a write load from an ioredis Cluster client that records every acknowledged write and when writes to a
// slot succeeded again after a fault.
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster } from 'ioredis';
import { keySlotUtf8 } from '@tessera/slot';
import {
  myselfOf,
  startFailoverCoordinator,
  waitFor,
  type ClusterNodesLine,
  type RunningFailoverCoordinator,
  type TesseraCluster,
} from '@tessera/testing';

/** The line of the node serving `slot` in one view, or undefined. */
export function ownerOf(lines: readonly ClusterNodesLine[], slot: number): ClusterNodesLine | undefined {
  return lines.find((line) => line.slots.some(([start, end]) => start <= slot && slot <= end));
}

/** Node index -> its id, read from each responsive node's own CLUSTER NODES. */
export async function idsOf(cluster: TesseraCluster): Promise<string[]> {
  return Promise.all(cluster.nodes.map(async (_, i) => myselfOf(await cluster.clusterNodes(i)).id));
}

/** The first slot `lines`' node `id` serves. */
export function firstSlotOf(lines: readonly ClusterNodesLine[], id: string): number {
  const line = lines.find((l) => l.id === id);
  const range = line?.slots[0];
  if (range === undefined) throw new Error(`${id} serves no slot in this view`);
  return range[0];
}

/**
 * In every view of `indices`: each slot is served by exactly one node, and that node is flagged master
 * (not slave); returns a description of the first violation, or true.
 */
export async function oneMasterPerSlot(
  cluster: TesseraCluster,
  indices: readonly number[],
): Promise<true | string> {
  for (const i of indices) {
    const lines = await cluster.clusterNodes(i);
    const owners = new Array<string | null>(16384).fill(null);
    for (const line of lines) {
      for (const [start, end] of line.slots) {
        for (let slot = start; slot <= end; slot++) {
          if (owners[slot] !== null)
            return `${cluster.node(i).port}: slot ${slot} served by ${owners[slot]} and ${line.id}`;
          if (!line.flags.includes('master'))
            return `${cluster.node(i).port}: slot ${slot} served by non-master ${line.id}`;
          owners[slot] = line.id;
        }
      }
    }
  }
  return true;
}

/** Waits until every node of `indices` prints `replica` as a master serving slots and `follower` as its replica. */
export async function waitForPromotion(
  cluster: TesseraCluster,
  indices: readonly number[],
  replicaId: string,
  timeoutMs = 30_000,
): Promise<number> {
  return waitFor(
    `${replicaId} to be a master with slots in every view`,
    async () => {
      for (const i of indices) {
        const line = (await cluster.clusterNodes(i)).find((l) => l.id === replicaId);
        if (line === undefined || !line.flags.includes('master') || line.slots.length === 0) {
          return `${cluster.node(i).port} prints ${line?.text ?? 'nothing'}`;
        }
      }
      return true;
    },
    { timeoutMs },
  );
}

/** `count` keys whose slots `line` serves (`prefix:<n>`). */
export function keysServedBy(line: ClusterNodesLine, count: number, prefix = 'k'): string[] {
  const keys: string[] = [];
  for (let n = 0; keys.length < count && n < 1_000_000; n++) {
    const key = `${prefix}:${n}`;
    const slot = keySlotUtf8(key);
    if (line.slots.some(([start, end]) => start <= slot && slot <= end)) keys.push(key);
  }
  return keys;
}

/** `count` coordinators watching every node of the cluster. */
export async function startCoordinators(
  cluster: TesseraCluster,
  count = 1,
): Promise<RunningFailoverCoordinator[]> {
  const agents = cluster.nodes.map((node) => `127.0.0.1:${node.busPort}`);
  return Promise.all(
    Array.from({ length: count }, () =>
      startFailoverCoordinator({ agents, secret: cluster.secret, logLevel: 'warn' }),
    ),
  );
}

/** Elections with outcome `won` over all coordinators. */
export async function promotions(coordinators: readonly RunningFailoverCoordinator[]): Promise<number> {
  const statuses = await Promise.all(coordinators.map((c) => c.status()));
  return statuses.flatMap((s) => s.elections).filter((e) => e.outcome === 'won').length;
}

/**
 * Continuous writes from an ioredis Cluster client (the way applications see a failover): one SET at a time
 * over `keys`, each with a short timeout. Every acknowledged write is kept (key -> last value acknowledged);
 * `recoveredAfter(t, slotKeys)` says when writes to those keys worked again after a fault at `t`.
 */
export class WriteLoad {
  readonly client: Cluster;
  readonly acknowledged = new Map<string, string>();
  readonly successes: { key: string; at: number }[] = [];
  readonly failures: { key: string; at: number }[] = [];
  errors = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(
    cluster: TesseraCluster,
    readonly keys: readonly string[],
  ) {
    this.client = new Cluster([...cluster.seeds], {
      enableReadyCheck: true,
      slotsRefreshTimeout: 1000,
      clusterRetryStrategy: () => 100,
      redisOptions: { commandTimeout: 500, maxRetriesPerRequest: 1, connectTimeout: 500 },
    });
    this.client.on('error', () => undefined);
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    let n = 0;
    while (this.running) {
      const key = this.keys[n % this.keys.length] as string;
      const value = String(n++);
      try {
        await this.client.set(key, value);
        this.acknowledged.set(key, value);
        this.successes.push({ key, at: Date.now() });
      } catch {
        this.errors++;
        this.failures.push({ key, at: Date.now() });
        await sleep(20);
      }
    }
  }

  /** The first acknowledged write to one of `keys` at or after `since` (ms), or null. */
  firstSuccessAfter(since: number, keys: readonly string[]): number | null {
    const wanted = new Set(keys);
    const hit = this.successes.find((s) => s.at >= since && wanted.has(s.key));
    return hit === undefined ? null : hit.at;
  }

  /**
   * When writes to `keys` worked again after a fault at `since`: the first acknowledged write after the first
   * failed one (a write in flight at the fault may still be acknowledged). `since` itself when none failed.
   */
  recoveredAfter(since: number, keys: readonly string[]): number | null {
    const wanted = new Set(keys);
    const failed = this.failures.find((f) => f.at >= since && wanted.has(f.key));
    if (failed === undefined) return this.firstSuccessAfter(since, keys);
    return this.firstSuccessAfter(failed.at, keys);
  }

  /** Ends the writes; the client stays connected (to read back). */
  async stopWriting(): Promise<void> {
    this.running = false;
    await this.done;
  }

  /** Ends the writes and disconnects. Idempotent. */
  async stop(): Promise<void> {
    await this.stopWriting();
    this.client.disconnect();
  }
}
