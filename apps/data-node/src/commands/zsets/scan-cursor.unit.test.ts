import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScanCursor64 } from '../scan-cursor.js';
import { cursorForScore, scoreForCursor } from './scan-cursor.js';

describe('scan cursors', () => {
  it('map scores to non-zero cursors in the same order, and back', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const ca = cursorForScore(a);
        const cb = cursorForScore(b);
        expect(ca).not.toBe(0n);
        expect(Object.is(scoreForCursor(ca), a)).toBe(true);
        if (a < b) expect(ca < cb).toBe(true);
        if (a > b) expect(ca > cb).toBe(true);
      }),
    );
  });

  it('parse like strtoul over the whole argument', () => {
    expect(parseScanCursor64('')).toBe(0n);
    expect(parseScanCursor64('+7')).toBe(7n);
    expect(parseScanCursor64('007')).toBe(7n);
    expect(parseScanCursor64('-1')).toBe(18446744073709551615n);
    expect(parseScanCursor64('18446744073709551615')).toBe(18446744073709551615n);
    for (const bad of ['18446744073709551616', ' 1', '1 ', 'x', '+', '-', '1.5']) {
      expect(parseScanCursor64(bad)).toBeNull();
    }
  });
});
