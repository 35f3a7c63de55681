import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bitInByte, bitpos, popcount } from './bit-scan.js';

/** The bits of `bytes[start, end)` as 0/1 numbers, most significant first. */
function bitsOf(bytes: Uint8Array, start: number, end: number): number[] {
  const bits: number[] = [];
  for (let i = start; i < end; i++) for (let b = 7; b >= 0; b--) bits.push(((bytes[i] as number) >> b) & 1);
  return bits;
}

const bytesWithRange = fc
  .uint8Array({ maxLength: 80 })
  .chain((bytes) =>
    fc
      .tuple(fc.nat({ max: bytes.length }), fc.nat({ max: bytes.length }))
      .map(([a, b]) => ({ bytes, start: Math.min(a, b), end: Math.max(a, b) })),
  );

describe('bit scanning', () => {
  test.prop([bytesWithRange])('popcount counts the set bits of the range', ({ bytes, start, end }) => {
    expect(popcount(bytes, start, end)).toBe(bitsOf(bytes, start, end).filter((bit) => bit === 1).length);
  });

  test.prop([bytesWithRange, fc.constantFrom(0 as const, 1 as const)])(
    'bitpos finds the first bit of the wanted value, or -1',
    ({ bytes, start, end }, bit) => {
      expect(bitpos(bytes, start, end, bit)).toBe(bitsOf(bytes, start, end).indexOf(bit));
    },
  );

  test.prop([fc.integer({ min: 0, max: 255 }), fc.constantFrom(0 as const, 1 as const)])(
    'bitInByte agrees with bitpos on a single byte',
    (byte, bit) => {
      expect(bitInByte(byte, bit)).toBe(bitpos(Uint8Array.of(byte), 0, 1, bit));
    },
  );
});
