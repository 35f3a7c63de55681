import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../testing/command-harness.js';
import { EvictionGuard } from './eviction.js';
import { KEY_OVERHEAD_BYTES, stringBytes } from './values.js';

const OOM = new ReplyError("OOM command not allowed when used memory > 'maxmemory'.");
/** A value sized so that each key `kNN` costs exactly 100 bytes in the estimate. */
const VALUE = 'x'.repeat(100 - KEY_OVERHEAD_BYTES - 3 - stringBytes(''));

/** A harness whose dispatcher has the guard, as create-data-node wires it; 10 keys fit in maxmemory. */
function guarded(policy: string, extra: Record<string, string> = {}): CommandHarness {
  const h = new CommandHarness({ config: { maxmemory: '1000', 'maxmemory-policy': policy, ...extra } });
  h.dispatcher.memoryGuard = new EvictionGuard(h.state.db, h.state.config);
  return h;
}

const key = (i: number) => `k${String(i).padStart(2, '0')}`;

/** Sets keys `from` to `to - 1`, one millisecond apart. */
function fill(h: CommandHarness, from: number, to: number, ...options: string[]): void {
  for (let i = from; i < to; i++) {
    h.advance(1);
    expect(h.run('SET', key(i), VALUE, ...options)).toBe('OK');
  }
}

function existing(h: CommandHarness, from: number, to: number): string[] {
  const found: string[] = [];
  for (let i = from; i < to; i++) if (h.run('EXISTS', key(i)) === 1) found.push(key(i));
  return found;
}

describe('EvictionGuard', () => {
  it('counts each test key as 100 bytes', () => {
    const h = guarded('noeviction');
    fill(h, 0, 1);
    expect(h.state.db.usedBytes).toBe(100);
  });

  it('refuses commands that may grow memory with OOM under noeviction, and serves the others', () => {
    const h = guarded('noeviction');
    fill(h, 0, 11);
    expect(h.run('SET', 'more', 'v')).toEqual(OOM);
    expect(h.run('RPUSH', 'list', 'v')).toEqual(OOM);
    expect(h.run('GET', key(0))).toBe(VALUE);
    expect(h.run('DEL', key(0), key(1))).toBe(2);
    expect(h.run('SET', 'more', 'v')).toBe('OK');
  });

  it('never evicts while maxmemory is 0', () => {
    const h = guarded('allkeys-lru', { maxmemory: '0' });
    fill(h, 0, 30);
    expect(h.run('DBSIZE')).toBe(30);
  });

  it('allkeys-lru evicts exactly the least recently used keys', () => {
    const h = guarded('allkeys-lru');
    fill(h, 0, 10);
    for (let i = 0; i < 5; i++) h.run('GET', key(i));
    fill(h, 10, 16);
    expect(existing(h, 0, 10)).toEqual(['k00', 'k01', 'k02', 'k03', 'k04']);
    expect(h.state.db.stats.evictedKeys).toBe(5);
    expect(h.state.db.usedBytes).toBeLessThanOrEqual(1100);
  });

  it('allkeys-lru evicts keys stored before the policy was chosen first', () => {
    const h = guarded('noeviction', { maxmemory: '0', 'maxmemory-samples': '64' });
    fill(h, 0, 5);
    h.state.config.set('maxmemory-policy', 'allkeys-lru');
    h.state.config.set('maxmemory', '1000');
    fill(h, 5, 12);
    h.run('SET', 'trigger', 'v');
    expect(existing(h, 5, 12)).toEqual(['k05', 'k06', 'k07', 'k08', 'k09', 'k10', 'k11']);
    expect(existing(h, 0, 5)).toHaveLength(3);
  });

  it('volatile-lru evicts only keys with a TTL, then refuses with OOM', () => {
    const h = guarded('volatile-lru', { 'maxmemory-samples': '64' });
    fill(h, 0, 5, 'EX', '1000');
    fill(h, 5, 10);
    h.advance(1);
    h.run('GET', key(0));
    fill(h, 10, 12);
    expect(existing(h, 0, 5)).toEqual(['k00', 'k02', 'k03', 'k04']);
    fill(h, 12, 15);
    expect(existing(h, 0, 5)).toEqual(['k00']);
    expect(h.run('SET', 'more', VALUE)).toBe('OK');
    expect(existing(h, 0, 5)).toEqual([]);
    expect(h.run('SET', 'evenmore', VALUE)).toEqual(OOM);
    expect(existing(h, 5, 15)).toHaveLength(10);
  });

  it('volatile-ttl evicts the keys that expire soonest', () => {
    const h = guarded('volatile-ttl', { 'maxmemory-samples': '64' });
    for (let i = 0; i < 6; i++) h.run('SET', key(i), VALUE, 'EX', String(1000 - i * 100));
    fill(h, 6, 11);
    h.run('SET', 'trigger', 'v');
    expect(existing(h, 0, 6)).toEqual(['k00', 'k01', 'k02', 'k03', 'k04']);
  });

  it('allkeys-random and volatile-random bring memory back under the limit', () => {
    for (const policy of ['allkeys-random', 'volatile-random']) {
      const h = guarded(policy);
      fill(h, 0, 5);
      fill(h, 5, 20, 'EX', '1000');
      expect(h.state.db.usedBytes).toBeLessThanOrEqual(1100);
      if (policy === 'volatile-random') expect(existing(h, 0, 5)).toHaveLength(5);
    }
  });

  it('allkeys-lfu evicts the least frequently used keys', () => {
    const h = guarded('allkeys-lfu', { 'maxmemory-samples': '64' });
    fill(h, 0, 10);
    for (let i = 0; i < 10; i += 2) h.run('GET', key(i));
    // New keys are read once right away, so only the odd keys keep the initial counter.
    for (let i = 10; i < 16; i++) {
      fill(h, i, i + 1);
      h.run('GET', key(i));
    }
    expect(existing(h, 0, 10)).toEqual(['k00', 'k02', 'k04', 'k06', 'k08']);
    expect(existing(h, 10, 16)).toHaveLength(6);
  });

  it('follows policy changes made at run time', () => {
    const h = guarded('noeviction');
    fill(h, 0, 11);
    expect(h.run('SET', 'more', VALUE)).toEqual(OOM);
    h.state.config.set('maxmemory-policy', 'allkeys-random');
    expect(h.run('SET', 'more', VALUE)).toBe('OK');
    h.state.config.set('maxmemory', '0');
    fill(h, 20, 40);
    expect(h.state.db.usedBytes).toBeGreaterThan(1000);
  });
});
