import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullJitterDelayMs } from './backoff.js';

describe('fullJitterDelayMs', () => {
  it('connects at once the first time', () => {
    expect(fullJitterDelayMs(0, 50, 2000, () => 0.99)).toBe(0);
  });

  it('draws below min(cap, base * 2^(failures-1)), using the whole range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, base, cap, draw) => {
          const ceiling = Math.min(cap, base * 2 ** Math.min(failures - 1, 30));
          const delay = fullJitterDelayMs(failures, base, cap, () => draw);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
          expect(delay).toBe(Math.floor(draw * ceiling));
        },
      ),
    );
  });

  it('doubles the ceiling per failure until the cap', () => {
    const top = (failures: number) => fullJitterDelayMs(failures, 50, 1000, () => 0.999_999);
    expect([1, 2, 3, 4, 5, 6, 10].map(top)).toEqual([49, 99, 199, 399, 799, 999, 999]);
  });
});
