import type { RespValue } from '@tessera/resp';
import { describe, expect, it } from 'vitest';
import { ClusterDiscoveryError } from '../errors.js';
import { SILENT_LOGGER } from '../logger.js';
import { ClusterTopology, type SlotsSource } from './cluster-topology.js';
import { nodeAddress, type NodeAddress } from './node-address.js';

const slots = (port: number): RespValue => [[0, 16383, ['127.0.0.1', port, 'x'.repeat(40)]]];

/** A SlotsSource answering from a script; each call waits until released, so tests control overlap. */
function scriptedSource(answer: (address: NodeAddress) => RespValue | Error) {
  const calls: string[] = [];
  const waiting: (() => void)[] = [];
  const source: SlotsSource = {
    clusterSlots: (address) => {
      calls.push(address.key);
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          const reply = answer(address);
          if (reply instanceof Error) reject(reply);
          else resolve(reply);
        });
      });
    },
  };
  const releaseAll = async () => {
    while (waiting.length > 0) {
      (waiting.shift() as () => void)();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { source, calls, releaseAll };
}

const options = { refreshTimeoutMs: 1000, refreshIntervalMs: 0, logger: SILENT_LOGGER };
const seeds = [nodeAddress('127.0.0.1', 1), nodeAddress('127.0.0.1', 2), nodeAddress('127.0.0.1', 3)];

describe('ClusterTopology', () => {
  it('tries the seeds in turn and keeps the first non-empty answer', async () => {
    const { source, calls, releaseAll } = scriptedSource((a) =>
      a.port === 1 ? new Error('refused') : a.port === 2 ? [] : slots(7000),
    );
    const topology = new ClusterTopology(seeds, source, options);
    const refreshed = topology.refresh();
    await releaseAll();
    const table = await refreshed;
    expect(calls).toEqual(['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3']);
    expect(table.master(123)?.port).toBe(7000);
    expect(topology.table).toBe(table);
    expect(topology.refreshes).toBe(1);
  });

  it('fails with ClusterDiscoveryError carrying every seed error when none answers', async () => {
    const { source, releaseAll } = scriptedSource((a) => new Error(`down ${a.port}`));
    const topology = new ClusterTopology(seeds, source, options);
    const refreshed = topology.refresh();
    void releaseAll();
    const error = await refreshed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterDiscoveryError);
    const cause = (error as Error).cause as AggregateError;
    expect(cause.errors.map((e: Error) => e.message)).toEqual(['down 1', 'down 2', 'down 3']);
    expect(topology.table.masters()).toEqual([]);
  });

  it('asks the known masters before the seeds, and keeps the old table when a refresh fails', async () => {
    let up = true;
    const { source, calls, releaseAll } = scriptedSource((a) =>
      up && a.port === 1 ? slots(7000) : new Error('no'),
    );
    const topology = new ClusterTopology([seeds[0] as NodeAddress], source, options);
    const first = topology.refresh();
    await releaseAll();
    const table = await first;
    up = false;
    calls.length = 0;
    const second = topology.refresh();
    void releaseAll();
    await expect(second).rejects.toBeInstanceOf(ClusterDiscoveryError);
    expect(calls).toEqual(['127.0.0.1:7000', '127.0.0.1:1']);
    expect(topology.table).toBe(table);
  });

  it('shares one fetch among concurrent refreshes', async () => {
    const { source, calls, releaseAll } = scriptedSource(() => slots(7000));
    const topology = new ClusterTopology(seeds, source, options);
    const a = topology.refresh();
    const b = topology.refresh();
    topology.scheduleRefresh(); // during the fetch: runs once more afterwards
    topology.scheduleRefresh();
    expect(a).toBe(b);
    await releaseAll();
    await Promise.all([a, b]);
    await releaseAll();
    expect(calls).toHaveLength(2);
    expect(topology.refreshes).toBe(2);
  });

  it('hands every new table to onTable', async () => {
    const tables: unknown[] = [];
    const { source, releaseAll } = scriptedSource(() => slots(7000));
    const topology = new ClusterTopology(seeds, source, { ...options, onTable: (t) => tables.push(t) });
    const refreshed = topology.refresh();
    await releaseAll();
    expect(tables).toEqual([await refreshed]);
  });
});
