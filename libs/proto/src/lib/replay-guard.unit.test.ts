import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.js';

describe('ReplayGuard', () => {
  it('accepts a nonce once and refuses it again during its lifetime', () => {
    const guard = new ReplayGuard({ lifetimeMs: 1_000 });
    expect(guard.remember('a', 0)).toBe('fresh');
    expect(guard.remember('a', 999)).toBe('replayed');
    expect(guard.remember('b', 999)).toBe('fresh');
  });

  it('forgets a nonce once its lifetime has passed, and with it its memory', () => {
    const guard = new ReplayGuard({ lifetimeMs: 1_000 });
    guard.remember('a', 0);
    guard.remember('b', 500);
    expect(guard.remember('a', 1_000)).toBe('fresh');
    expect(guard.size).toBe(2);
    guard.remember('c', 2_000);
    expect(guard.size).toBe(1);
  });

  it('refuses new nonces when full rather than forget a live one', () => {
    const guard = new ReplayGuard({ lifetimeMs: 1_000, maxEntries: 2 });
    expect([guard.remember('a', 0), guard.remember('b', 1), guard.remember('c', 2)]).toEqual([
      'fresh',
      'fresh',
      'full',
    ]);
    expect(guard.remember('a', 3)).toBe('replayed');
    expect(guard.remember('c', 1_000)).toBe('fresh');
  });

  it('defaults to a 60 s lifetime (twice the 30 s skew) and 200,000 entries', () => {
    const guard = new ReplayGuard();
    expect([guard.lifetimeMs, guard.maxEntries]).toEqual([60_000, 200_000]);
  });

  it('keeps entries longer, never shorter, when the clock steps back', () => {
    const guard = new ReplayGuard({ lifetimeMs: 1_000 });
    guard.remember('late', 5_000);
    guard.remember('early', 100);
    expect(guard.remember('early', 900)).toBe('replayed');
    expect(guard.remember('late', 5_500)).toBe('replayed');
    // 'early' expired at 1_100 but stays behind 'late' in insertion order: kept longer, not forgotten early.
    expect(guard.remember('early', 1_200)).toBe('replayed');
  });
});
