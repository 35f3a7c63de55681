import { describe, expect, it } from 'vitest';
import { numkeysKeys } from './numkeys-keys.js';

const argv = (...args: string[]): Buffer[] => args.map((a) => Buffer.from(a));

describe('numkeysKeys', () => {
  it('finds the counted keys, after a destination when there is one', () => {
    expect(numkeysKeys(1, false)(argv('ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', '2'))).toEqual([2, 3]);
    expect(numkeysKeys(2, true)(argv('ZUNIONSTORE', 'd', '2', 'a', 'b'))).toEqual([1, 3, 4]);
    expect(numkeysKeys(2, false)(argv('BZMPOP', '0', '1', 'k', 'MIN'))).toEqual([3]);
  });

  it('finds no key at all when numkeys is invalid or larger than the arguments', () => {
    expect(numkeysKeys(2, true)(argv('ZUNIONSTORE', 'd', '3', 'a', 'b'))).toEqual([]);
    expect(numkeysKeys(1, false)(argv('ZUNION', '0', 'a'))).toEqual([]);
    expect(numkeysKeys(1, false)(argv('ZUNION', 'x', 'a'))).toEqual([]);
  });
});
