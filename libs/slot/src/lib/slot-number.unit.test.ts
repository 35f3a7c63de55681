import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SlotError } from './errors.js';
import { assertSlot, isValidSlot, MAX_SLOT, parseSlot, SLOT_COUNT } from './slot-number.js';

describe('slot numbers', () => {
  it('counts 16384 slots, numbered 0..16383', () => {
    expect(SLOT_COUNT).toBe(16384);
    expect(MAX_SLOT).toBe(16383);
  });

  it.each([0, 1, 12739, 16383])('accepts %s as a valid slot', (n) => {
    expect(isValidSlot(n)).toBe(true);
  });

  it.each([-1, 16384, 1.5, Number.NaN, Infinity, '5', null, undefined, 5n])('rejects %s as a slot', (n) => {
    expect(isValidSlot(n)).toBe(false);
  });

  test.prop([fc.integer({ min: 0, max: MAX_SLOT })])(
    'parses the decimal text of every valid slot back',
    (n) => {
      expect(parseSlot(String(n))).toBe(n);
    },
  );

  test.prop([fc.integer({ min: SLOT_COUNT, max: 10_000_000 })])(
    'returns null for decimals above 16383',
    (n) => {
      expect(parseSlot(String(n))).toBeNull();
    },
  );

  it.each([
    '',
    ' 1',
    '1 ',
    '+1',
    '-1',
    '-0',
    '01',
    '00',
    '1.0',
    '1e3',
    '0x10',
    '16384',
    '99999',
    '123456',
    '१२',
  ])('returns null for the non-canonical or out-of-range text %j', (text) => {
    expect(parseSlot(text)).toBeNull();
  });

  it('throws SLOT_OUT_OF_RANGE naming the argument when asserting a bad slot', () => {
    expect(() => assertSlot(16384, 'target slot')).toThrow(SlotError);
    expect(() => assertSlot(16384, 'target slot')).toThrow(
      expect.objectContaining({
        name: 'SlotError',
        code: 'SLOT_OUT_OF_RANGE',
        message: expect.stringContaining('target slot'),
      }),
    );
  });
});
