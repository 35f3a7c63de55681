import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

/** Section titles of an INFO text, in order. */
function titles(text: unknown): string[] {
  return (text as string)
    .split('\r\n')
    .filter((line) => line.startsWith('# '))
    .map((line) => line.slice(2));
}

/** The `field:value` pairs of an INFO text. */
function fieldsOf(text: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of (text as string).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) map.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return map;
}

describe('INFO', () => {
  it('shows the default sections in order, every line ending in CRLF', () => {
    const h = new CommandHarness();
    const text = h.run('INFO') as string;
    expect(titles(text)).toEqual([
      'Server',
      'Clients',
      'Memory',
      'Persistence',
      'Stats',
      'Replication',
      'CPU',
      'Modules',
      'Errorstats',
      'Cluster',
      'Keyspace',
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('adds commandstats and latencystats for all and everything, and selects sections by name in any case', () => {
    const h = new CommandHarness();
    expect(titles(h.run('INFO', 'all'))).toContain('Commandstats');
    expect(titles(h.run('INFO', 'EVERYTHING'))).toContain('Latencystats');
    expect(titles(h.run('INFO', 'CPU', 'cluster'))).toEqual(['CPU', 'Cluster']);
    expect(titles(h.run('INFO', 'default', 'commandstats'))).toContain('Commandstats');
    expect(h.run('INFO', 'nosuchsection')).toBe('');
  });

  it('reports the identity, port and mode fields tools read', () => {
    const h = new CommandHarness();
    const info = fieldsOf(h.run('INFO', 'server', 'replication', 'cluster'));
    expect(info.get('redis_version')).toBe('7.0.15');
    expect(info.get('redis_mode')).toBe('standalone');
    expect(info.get('run_id')).toMatch(/^[0-9a-f]{40}$/);
    expect(info.get('process_id')).toBe(String(process.pid));
    expect(info.get('role')).toBe('master');
    expect(info.get('master_repl_offset')).toBe('0');
    expect(info.get('master_replid')).toMatch(/^[0-9a-f]{40}$/);
    expect(info.get('cluster_enabled')).toBe('0');
  });

  it('counts keys, expires, hits and misses, and omits db0 when the keyspace is empty', () => {
    const h = new CommandHarness();
    expect(fieldsOf(h.run('INFO', 'keyspace')).has('db0')).toBe(false);
    h.run('SET', 'a', '1');
    h.run('SET', 'b', '2', 'EX', '100');
    h.run('GET', 'a');
    h.run('GET', 'missing');
    const info = fieldsOf(h.run('INFO', 'keyspace', 'stats'));
    expect(info.get('db0')).toBe('keys=2,expires=1,avg_ttl=100000');
    expect(info.get('keyspace_hits')).toBe('1');
    expect(info.get('keyspace_misses')).toBe('1');
  });

  it('reports per-command calls, failures and rejections, and error codes', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    h.run('LPUSH', 'k', 'x'); // WRONGTYPE: ran and failed
    h.run('GET'); // arity: rejected before running
    const info = fieldsOf(h.run('INFO', 'commandstats', 'errorstats'));
    expect(info.get('cmdstat_set')).toMatch(
      /^calls=1,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0$/,
    );
    expect(info.get('cmdstat_lpush')).toMatch(/^calls=1,.*,rejected_calls=0,failed_calls=1$/);
    expect(info.get('cmdstat_get')).toMatch(/^calls=0,.*,rejected_calls=1,failed_calls=0$/);
    expect(info.get('errorstat_WRONGTYPE')).toBe('count=1');
    expect(info.get('errorstat_ERR')).toBe('count=1');
  });

  it('reports latency percentiles per command with the configured percentiles', () => {
    const h = new CommandHarness({ config: { 'latency-tracking-info-percentiles': '50 99.9' } });
    h.run('PING');
    const line = fieldsOf(h.run('INFO', 'latencystats')).get('latency_percentiles_usec_ping');
    expect(line).toMatch(/^p50=\d+\.\d{3},p99\.9=\d+\.\d{3}$/);
  });

  it('stops recording latency histograms when latency-tracking is off', () => {
    const h = new CommandHarness({ config: { 'latency-tracking': 'no' } });
    h.run('PING');
    expect(fieldsOf(h.run('INFO', 'latencystats')).has('latency_percentiles_usec_ping')).toBe(false);
  });

  it('counts clients, blocked clients and watched keys', () => {
    const h = new CommandHarness();
    h.newClient().runAll('BLPOP', 'l', '0');
    h.newClient().run('WATCH', 'a', 'b');
    const info = fieldsOf(h.run('INFO', 'clients'));
    expect(info.get('connected_clients')).toBe('3');
    expect(info.get('blocked_clients')).toBe('1');
    expect(info.get('total_blocking_keys')).toBe('1');
    expect(info.get('watching_clients')).toBe('1');
    expect(info.get('total_watched_keys')).toBe('2');
  });

  it('models used_memory as startup plus dataset plus client buffers, against maxmemory', () => {
    const h = new CommandHarness({ config: { maxmemory: '100mb', 'maxmemory-policy': 'allkeys-lru' } });
    h.run('SET', 'k', 'x'.repeat(1000));
    const info = fieldsOf(h.run('INFO', 'memory'));
    const used = Number(info.get('used_memory'));
    expect(used).toBe(
      Number(info.get('used_memory_startup')) +
        Number(info.get('used_memory_dataset')) +
        Number(info.get('mem_clients_normal')),
    );
    expect(Number(info.get('used_memory_dataset'))).toBeGreaterThanOrEqual(1000);
    expect(Number(info.get('used_memory_rss'))).toBeGreaterThan(0);
    expect(info.get('maxmemory')).toBe(String(100 * 1024 * 1024));
    expect(info.get('maxmemory_human')).toBe('100.00M');
    expect(info.get('maxmemory_policy')).toBe('allkeys-lru');
  });

  it('answers RESP3 clients with a verbatim string', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    expect(h.client.raw('INFO', 'cluster')).toBe('=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n');
  });
});
