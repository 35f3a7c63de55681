import { describe, expect, it } from 'vitest';
import { AccessClock, AccessMode, accessModeFor, LFU_INIT_VAL } from './access-clock.js';

const MINUTE = 60_000;

function clockAt(mode: 'lru' | 'lfu', random = () => 0.5) {
  const time = { now: 1_000_000 };
  return { time, clock: new AccessClock(mode, () => time.now, random) };
}

describe('accessModeFor', () => {
  it('tracks recency for LRU policies, frequency for LFU ones, nothing for the others', () => {
    expect(accessModeFor('allkeys-lru')).toBe(AccessMode.lru);
    expect(accessModeFor('volatile-lru')).toBe(AccessMode.lru);
    expect(accessModeFor('allkeys-lfu')).toBe(AccessMode.lfu);
    expect(accessModeFor('volatile-lfu')).toBe(AccessMode.lfu);
    for (const policy of ['noeviction', 'allkeys-random', 'volatile-random', 'volatile-ttl']) {
      expect(accessModeFor(policy)).toBe(AccessMode.off);
    }
  });
});

describe('AccessClock in LRU mode', () => {
  it('keeps keys in access order so the oldest is the least recently used', () => {
    const { time, clock } = clockAt('lru');
    for (const key of ['a', 'b', 'c']) {
      clock.created(key);
      time.now += 10;
    }
    expect(clock.oldest()).toBe('a');
    clock.touch('a');
    expect(clock.oldest()).toBe('b');
    clock.removed('b');
    expect(clock.oldest()).toBe('c');
  });

  it('measures idle time from the last access, or from its start for keys it never saw', () => {
    const { time, clock } = clockAt('lru');
    clock.created('a');
    time.now += 5000;
    expect(clock.idleMs('a')).toBe(5000);
    expect(clock.idleMs('unseen')).toBe(5000);
    expect(clock.rank('unseen')).toBeLessThan(clock.rank('a'));
    clock.touch('a');
    expect(clock.idleMs('a')).toBe(0);
  });

  it('moves an entry on rename and seeds it on restore', () => {
    const { time, clock } = clockAt('lru');
    clock.created('a');
    time.now += 1000;
    clock.moved('a', 'b');
    expect(clock.has('a')).toBe(false);
    expect(clock.idleMs('b')).toBe(1000);
    clock.restore('c', 30_000, null);
    expect(clock.idleMs('c')).toBe(30_000);
    expect(clock.oldest()).toBe('b');
  });
});

describe('AccessClock in LFU mode', () => {
  it('starts keys at LFU_INIT_VAL and always counts the first access', () => {
    const { clock } = clockAt('lfu', () => 0.999);
    clock.created('a');
    expect(clock.frequency('a')).toBe(LFU_INIT_VAL);
    clock.touch('a');
    expect(clock.frequency('a')).toBe(LFU_INIT_VAL + 1);
    clock.touch('a');
    expect(clock.frequency('a')).toBe(LFU_INIT_VAL + 1);
  });

  it('increments with probability 1 / ((counter - 5) * 10 + 1) up to 255', () => {
    const { clock } = clockAt('lfu', () => 0);
    clock.created('a');
    for (let i = 0; i < 300; i++) clock.touch('a');
    expect(clock.frequency('a')).toBe(255);
    // At counter 6 the chance is 1/11: a draw just below it increments, one just above does not.
    const { clock: below } = clockAt('lfu', () => 1 / 11 - 1e-9);
    const { clock: above } = clockAt('lfu', () => 1 / 11 + 1e-9);
    for (const c of [below, above]) {
      c.created('b');
      c.touch('b');
      c.touch('b');
    }
    expect(below.frequency('b')).toBe(LFU_INIT_VAL + 2);
    expect(above.frequency('b')).toBe(LFU_INIT_VAL + 1);
  });

  it('decays by one per idle minute, never below zero, and seeds the counter on restore', () => {
    const { time, clock } = clockAt('lfu');
    clock.created('a');
    time.now += 3 * MINUTE;
    expect(clock.frequency('a')).toBe(LFU_INIT_VAL - 3);
    time.now += 10 * MINUTE;
    expect(clock.frequency('a')).toBe(0);
    clock.restore('a', null, 200);
    expect(clock.frequency('a')).toBe(200);
    expect(clock.rank('a')).toBe(200);
  });
});
