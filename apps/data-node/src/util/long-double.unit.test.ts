import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addLongDouble,
  formatLongDouble,
  INFINITE,
  parseLongDouble,
  type LongDouble,
} from './long-double.js';

/** Parses two operands that must be finite and returns the formatted sum, or null on overflow. */
function sum(a: string, b: string): string | null {
  const x = parseLongDouble(a);
  const y = parseLongDouble(b);
  if (x === null || x === INFINITE || y === null || y === INFINITE) throw new Error(`not finite: ${a}, ${b}`);
  const total = addLongDouble(x, y);
  return total === null ? null : formatLongDouble(total);
}

function finite(text: string): LongDouble {
  const x = parseLongDouble(text);
  if (x === null || x === INFINITE) throw new Error(`not finite: ${text}`);
  return x;
}

describe('long double arithmetic of INCRBYFLOAT', () => {
  it('prints decimal sums the way the Redis documentation shows them', () => {
    // https://redis.io/commands/incrbyfloat/ examples.
    expect(sum('10.50', '0.1')).toBe('10.6');
    expect(sum('5.0e3', '0')).toBe('5000');
    expect(sum('5.0e3', '2.0e2')).toBe('5200');
    expect(sum('3.0e3', '2.0e3')).toBe('5000');
  });

  it('never prints an exponent, and writes values below 1e-17 as 0 without a sign', () => {
    expect(formatLongDouble(finite('1e20'))).toBe('100000000000000000000');
    expect(sum('0', '1e-20')).toBe('0');
    expect(sum('0', '-1e-20')).toBe('0');
    expect(sum('-0', '-0')).toBe('0');
  });

  it('keeps 64 bits of mantissa where a double would round', () => {
    // 2^53 + 1 is not a double but is a long double.
    expect(sum('9007199254740992', '1')).toBe('9007199254740993');
    expect(sum('9223372036854775807', '0')).toBe('9223372036854775807');
  });

  it('accepts what strtold accepts: signs, bare points, exponents, hex floats and infinities', () => {
    expect(formatLongDouble(finite('+.5'))).toBe('0.5');
    expect(formatLongDouble(finite('5.'))).toBe('5');
    expect(formatLongDouble(finite('-1.5E+2'))).toBe('-150');
    expect(formatLongDouble(finite('0x1.8p1'))).toBe('3');
    expect(formatLongDouble(finite('0X10'))).toBe('16');
    expect(parseLongDouble('inf')).toBe(INFINITE);
    expect(parseLongDouble('-Infinity')).toBe(INFINITE);
  });

  it('refuses what Redis refuses: spaces, garbage, NaN, empty and too-long text', () => {
    for (const text of [
      '',
      ' 1',
      '1 ',
      '1e',
      '.',
      'e5',
      '0x',
      '0x1p',
      'nan',
      '1,5',
      '1e5.5',
      'infinit',
      '--1',
    ]) {
      expect(parseLongDouble(text), text).toBeNull();
    }
    expect(parseLongDouble('1'.repeat(5 * 1024))).toBeNull();
  });

  it('refuses literals that overflow or underflow to zero, but keeps subnormals', () => {
    expect(parseLongDouble('1e4933')).toBeNull();
    expect(parseLongDouble('1e-4960')).toBeNull();
    expect(parseLongDouble('0x1p-999999999')).toBeNull();
    expect(parseLongDouble('1e99999999999999999999')).toBeNull();
    expect(formatLongDouble(finite('1e-4940'))).toBe('0');
    expect(formatLongDouble(finite('0e99999999'))).toBe('0');
    expect(formatLongDouble(finite('1.18e4932')).length).toBe(4933);
  });

  it('reports a sum that overflows the long double range', () => {
    expect(sum('1.18e4932', '1.18e4932')).toBeNull();
    expect(sum('-1.18e4932', '-1.18e4932')).toBeNull();
    expect(sum('1.18e4932', '-1.18e4932')).toBe('0');
  });

  test.prop([
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  ])('adds integers exactly', (a, b) => {
    expect(sum(String(a), String(b))).toBe(String(BigInt(a) + BigInt(b)));
  });

  test.prop([fc.integer({ min: 0, max: 89 }), fc.stringMatching(/^[0-9]{1,15}$/), fc.boolean()])(
    'prints a short decimal back as it was written (below 90 the 17th decimal is exact)',
    (int, fraction, negative) => {
      const text = `${negative ? '-' : ''}${int}.${fraction}`;
      const trimmed = text.replace(/\.?0+$/, '');
      expect(formatLongDouble(finite(text))).toBe(trimmed === '-0' ? '0' : trimmed);
    },
  );
});
