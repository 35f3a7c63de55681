import { describe, expect, it } from 'vitest';
import { formatDouble17g } from './format-double-17g.js';

// Expected texts are glibc printf("%.17g") outputs, as Redis 7.0 replies them.
const vectors: [number, string][] = [
  [0.1, '0.10000000000000001'],
  [1.5, '1.5'],
  [1e21, '1e+21'],
  [1e-7, '9.9999999999999995e-08'],
  [3.0, '3'],
  [-0, '-0'],
  [0, '0'],
  [2 ** 53 + 1, '9007199254740992'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [Number.NaN, 'nan'],
  [-2.5, '-2.5'],
  [1e16, '10000000000000000'],
  [1e17, '1e+17'],
  [0.0001, '0.0001'],
  [0.00001, '1.0000000000000001e-05'],
  [123456.789, '123456.789'],
  [5e-324, '4.9406564584124654e-324'],
  [Number.MAX_VALUE, '1.7976931348623157e+308'],
  // An exact tie at the 17th digit: glibc rounds half to even, toExponential would round up.
  [1000000000000000.25, '1000000000000000.2'],
  [1000000000000000.75, '1000000000000000.8'],
];

describe('formatDouble17g', () => {
  for (const [value, text] of vectors) {
    it(`prints ${String(value)} as ${text}`, () => {
      expect(formatDouble17g(value)).toBe(text);
    });
  }

  it('round-trips through parseFloat for finite values', () => {
    for (const value of [Math.PI, -Math.E, 1 / 3, 2 ** -1074, 2 ** 1023, 123e-20]) {
      expect(Object.is(Number.parseFloat(formatDouble17g(value)), value)).toBe(true);
    }
  });
});
