import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkSigned, checkUnsigned, getSigned, getUnsigned, setField } from './bitfield-values.js';

const field = fc.record({
  bits: fc.integer({ min: 1, max: 64 }),
  offset: fc.integer({ min: 0, max: 100 }),
  value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
  background: fc.uint8Array({ minLength: 22, maxLength: 22 }),
});

describe('bit fields', () => {
  test.prop([field])(
    'setField stores the low bits of the value and nothing else',
    ({ bits, offset, value, background }) => {
      const bytes = Uint8Array.from(background);
      setField(bytes, offset, bits, value);
      expect(getUnsigned(bytes, offset, bits)).toBe(BigInt.asUintN(bits, value));
      expect(getSigned(bytes, offset, bits)).toBe(BigInt.asIntN(bits, value));
      // Every bit outside the field is unchanged.
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        if (bit >= offset && bit < offset + bits) continue;
        const mask = 1 << (7 - (bit % 8));
        expect((bytes[bit >> 3] as number) & mask).toBe((background[bit >> 3] as number) & mask);
      }
    },
  );

  it('reads bits past the end of the string as zeros', () => {
    const bytes = Uint8Array.of(0xff);
    expect(getUnsigned(bytes, 4, 8)).toBe(0xf0n);
    expect(getSigned(bytes, 4, 8)).toBe(-16n);
    expect(getUnsigned(bytes, 100, 64)).toBe(0n);
  });

  test.prop([
    fc.integer({ min: 1, max: 63 }),
    fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  ])(
    'unsigned INCRBY wraps modulo 2^bits, saturates at 0 and max, and flags exactly the results out of range',
    (bits, start, increment) => {
      const value = BigInt.asUintN(bits, start);
      const max = 2n ** BigInt(bits) - 1n;
      const exact = value + increment;
      const outOfRange = exact < 0n || exact > max;
      const wrap = checkUnsigned(value, increment, bits, 'WRAP');
      const sat = checkUnsigned(value, increment, bits, 'SAT');
      expect(wrap.overflow).toBe(outOfRange);
      expect(wrap.value).toBe(BigInt.asUintN(bits, exact));
      expect(sat.value).toBe(exact < 0n ? 0n : exact > max ? max : exact);
    },
  );

  test.prop([
    fc.integer({ min: 1, max: 64 }),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  ])(
    "signed INCRBY wraps in two's complement, saturates at min and max, and flags the results out of range",
    (bits, start, increment) => {
      const value = BigInt.asIntN(bits, start);
      const max = 2n ** BigInt(bits - 1) - 1n;
      const min = -max - 1n;
      const exact = value + increment;
      const wrap = checkSigned(value, increment, bits, 'WRAP');
      const sat = checkSigned(value, increment, bits, 'SAT');
      expect(wrap.overflow).toBe(exact < min || exact > max);
      expect(wrap.value).toBe(BigInt.asIntN(bits, exact));
      expect(sat.value).toBe(exact < min ? min : exact > max ? max : exact);
    },
  );
});
