import { describe, expect, it } from 'vitest';
import { parseLexRange, parseScoreRange } from './range-bounds.js';

describe('parseScoreRange', () => {
  it('reads ( as an exclusive end and accepts infinities in any case', () => {
    expect(parseScoreRange('(1.5', '+INF')).toEqual({
      min: 1.5,
      max: Infinity,
      minExclusive: true,
      maxExclusive: false,
    });
    expect(parseScoreRange('-inf', '(-Infinity')).toEqual({
      min: -Infinity,
      max: -Infinity,
      minExclusive: false,
      maxExclusive: true,
    });
  });

  it('follows strtod: leading spaces, empty as 0, overflow to infinity, hex floats, a stop at NUL', () => {
    expect(parseScoreRange(' \t2', '')?.min).toBe(2);
    expect(parseScoreRange('(', '')).toMatchObject({ min: 0, max: 0, minExclusive: true });
    expect(parseScoreRange('1e400', '-1e400')).toMatchObject({ min: Infinity, max: -Infinity });
    expect(parseScoreRange('0x1.8p1', '-0x10')).toMatchObject({ min: 3, max: -16 });
    expect(parseScoreRange('7\u0000junk', '1')?.min).toBe(7);
  });

  it('refuses NaN, trailing text, a blank item and a double (', () => {
    for (const bad of ['nan', '1 ', '1x', '  ', '((1', '0x', '1e', '-']) {
      expect(parseScoreRange(bad, '1')).toBeNull();
      expect(parseScoreRange('1', bad)).toBeNull();
    }
  });
});

describe('parseLexRange', () => {
  it('reads [ and ( items and the - and + edges', () => {
    expect(parseLexRange('[a', '(b')).toEqual({
      min: { value: 'a', exclusive: false, edge: 0 },
      max: { value: 'b', exclusive: true, edge: 0 },
    });
    expect(parseLexRange('-', '+')).toMatchObject({ min: { edge: -1 }, max: { edge: 1 } });
    expect(parseLexRange('[', '(')).toMatchObject({ min: { value: '' }, max: { value: '' } });
    expect(parseLexRange('+\u0000x', '-')).toMatchObject({ min: { edge: 1 } });
  });

  it('refuses items without a prefix and edges with trailing bytes', () => {
    for (const bad of ['a', '', '+a', '-a', ' [a']) expect(parseLexRange(bad, '+')).toBeNull();
  });
});
