// `redis-benchmark --cluster` (redis-tools 7.0.15) against a 3-master tessera cluster: it reads CLUSTER NODES
// and CLUSTER SLOTS, sends CONFIG GET save/appendonly to every master, then SET and GET with keys tagged for
// each master's slots; any error reply or a topology it cannot parse aborts it.
import { describe, expect, it } from 'vitest';
import { startTesseraCluster } from '@tessera/testing';
import { runTool } from '../src/run-tool.js';

describe('redis-benchmark --cluster', () => {
  it('completes 20,000 SET and 20,000 GET over the masters with no errors', async () => {
    await using cluster = await startTesseraCluster({ masters: 3 });
    const run = await runTool(
      'redis-benchmark',
      [
        '--cluster',
        '-h',
        '127.0.0.1',
        '-p',
        String(cluster.node(0).port),
        '-t',
        'set,get',
        '-n',
        '20000',
        '-q',
      ],
      120_000,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Cluster has 3 master nodes');
    expect(run.output).toMatch(/SET: [\d.]+ requests per second/);
    expect(run.output).toMatch(/GET: [\d.]+ requests per second/);
    expect(run.output).not.toMatch(/error|MOVED|ASK|CLUSTERDOWN/i);
    const sizes = await Promise.all(
      cluster.nodes.map(async (_, i) => Number(await cluster.call(i, 'DBSIZE'))),
    );
    expect(sizes.every((size) => size > 0)).toBe(true); // every master got its share of the SETs
  });
});
