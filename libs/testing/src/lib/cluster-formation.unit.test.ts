import { describe, expect, it } from 'vitest';
import { splitSlots, stripColours } from './cluster-formation.js';

describe('splitSlots', () => {
  it('splits like redis-cli --cluster create: 3 masters get 0-5460, 5461-10922, 10923-16383', () => {
    expect(splitSlots(3)).toEqual([
      [0, 5460],
      [5461, 10922],
      [10923, 16383],
    ]);
  });

  it.each([1, 2, 4, 5, 6, 7, 10, 16, 100, 16384])(
    'covers 0..16383 exactly once with %i masters',
    (masters) => {
      const ranges = splitSlots(masters);
      expect(ranges).toHaveLength(masters);
      expect(ranges[0]?.[0]).toBe(0);
      expect(ranges.at(-1)?.[1]).toBe(16383);
      for (const [i, [first, last]] of ranges.entries()) {
        expect(last).toBeGreaterThanOrEqual(first);
        if (i > 0) expect(first).toBe((ranges[i - 1]?.[1] as number) + 1);
      }
    },
  );

  it('matches redis-cli for 10 masters (lround of multiples of 1638.4)', () => {
    expect(splitSlots(10).map(([first]) => first)).toEqual([
      0, 1638, 3277, 4915, 6554, 8192, 9830, 11469, 13107, 14746,
    ]);
  });

  it('refuses 0 masters and more masters than slots', () => {
    expect(() => splitSlots(0)).toThrow(RangeError);
    expect(() => splitSlots(16385)).toThrow(RangeError);
  });
});

describe('stripColours', () => {
  it('removes the ANSI colour codes redis-cli prints even into a pipe', () => {
    expect(stripColours('\x1b[32;1m[OK] All 16384 slots covered.\n\x1b[0m')).toBe(
      '[OK] All 16384 slots covered.\n',
    );
  });
});
