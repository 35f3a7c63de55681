import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { countSlots, createSlotBitmap, hasSlot, setSlot } from './slot-bitmap.js';
import {
  bitmapFromRanges,
  formatRange,
  formatRanges,
  normalizeRanges,
  parseRangeToken,
  rangesFromBitmap,
  type SlotRange,
} from './slot-ranges.js';

const slot = fc.integer({ min: 0, max: 16383 });
const range: fc.Arbitrary<SlotRange> = fc
  .tuple(slot, slot)
  .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
/** Short ranges, so that generated lists have gaps, adjacency and overlaps in useful proportions. */
const shortRange: fc.Arbitrary<SlotRange> = fc
  .tuple(slot, fc.integer({ min: 0, max: 40 }))
  .map(([start, length]) => ({ start, end: Math.min(16383, start + length) }));
const ranges = fc.array(fc.oneof(range, shortRange), { maxLength: 30 });
/** Random bytes (many short runs) or bitmaps built from a few ranges (long runs). */
const bitmap = fc.oneof(
  fc.uint8Array({ minLength: 2048, maxLength: 2048 }),
  ranges.map((list) => {
    const bits = createSlotBitmap();
    for (const { start, end } of list) for (let s = start; s <= end; s++) setSlot(bits, s);
    return bits;
  }),
);

/** Canonical: each range valid, sorted, and separated from the next by at least one missing slot. */
function isCanonical(list: SlotRange[]): boolean {
  return list.every(
    ({ start, end }, i) => start <= end && (i === 0 || start > (list[i - 1] as SlotRange).end + 1),
  );
}

describe('normalizeRanges', () => {
  it('sorts, merges overlapping and joins adjacent ranges', () => {
    const input = [
      { start: 100, end: 200 },
      { start: 0, end: 5 },
      { start: 6, end: 9 },
      { start: 150, end: 300 },
      { start: 500, end: 500 },
    ];
    expect(normalizeRanges(input)).toEqual([
      { start: 0, end: 9 },
      { start: 100, end: 300 },
      { start: 500, end: 500 },
    ]);
    expect(input[0]).toEqual({ start: 100, end: 200 });
  });

  test.prop([ranges])('returns canonical ranges covering the same slots', (list) => {
    const normalized = normalizeRanges(list);
    expect(isCanonical(normalized)).toBe(true);
    expect(Buffer.compare(bitmapFromRanges(normalized), bitmapFromRanges(list))).toBe(0);
  });

  it('rejects a reversed range with SLOT_RANGE_REVERSED', () => {
    expect(() => normalizeRanges([{ start: 9, end: 3 }])).toThrow(
      expect.objectContaining({ code: 'SLOT_RANGE_REVERSED', message: expect.stringContaining('ranges[0]') }),
    );
  });

  it.each([
    { start: -1, end: 3 },
    { start: 0, end: 16384 },
    { start: 0.5, end: 3 },
  ])('rejects %o with SLOT_OUT_OF_RANGE', (bad) => {
    expect(() => normalizeRanges([bad])).toThrow(expect.objectContaining({ code: 'SLOT_OUT_OF_RANGE' }));
  });

  it('rejects a range that is not an object with SLOT_RANGE_INVALID', () => {
    expect(() => normalizeRanges([null as unknown as SlotRange])).toThrow(
      expect.objectContaining({ code: 'SLOT_RANGE_INVALID' }),
    );
  });
});

describe('rangesFromBitmap and bitmapFromRanges', () => {
  it('finds the maximal runs of a bitmap, including ones that touch slot 0 and slot 16383', () => {
    const bits = bitmapFromRanges([
      { start: 0, end: 5460 },
      { start: 5462, end: 5462 },
      { start: 16000, end: 16383 },
    ]);
    expect(rangesFromBitmap(bits)).toEqual([
      { start: 0, end: 5460 },
      { start: 5462, end: 5462 },
      { start: 16000, end: 16383 },
    ]);
  });

  it('gives no ranges for an empty bitmap and one range for a full one', () => {
    expect(rangesFromBitmap(createSlotBitmap())).toEqual([]);
    expect(rangesFromBitmap(new Uint8Array(2048).fill(0xff))).toEqual([{ start: 0, end: 16383 }]);
  });

  test.prop([bitmap])('round-trips any bitmap: bitmap -> ranges -> bitmap is the identity', (bits) => {
    expect(Buffer.compare(bitmapFromRanges(rangesFromBitmap(bits)), bits)).toBe(0);
  });

  test.prop([bitmap])('returns maximal ranges in ascending order that hold exactly the set slots', (bits) => {
    const list = rangesFromBitmap(bits);
    expect(isCanonical(list)).toBe(true);
    const covered = new Uint8Array(16384);
    for (const { start, end } of list) covered.fill(1, start, end + 1);
    const present = Uint8Array.from({ length: 16384 }, (_, s) => (hasSlot(bits, s) ? 1 : 0));
    expect(Buffer.compare(covered, present)).toBe(0);
  });

  test.prop([ranges])('round-trips ranges to their canonical form', (list) => {
    expect(rangesFromBitmap(bitmapFromRanges(list))).toEqual(normalizeRanges(list));
  });

  it('fills a bitmap in bounded work however many overlapping ranges it gets', () => {
    const many = Array.from({ length: 100_000 }, () => ({ start: 0, end: 16383 }));
    expect(countSlots(bitmapFromRanges(many))).toBe(16384);
  });

  it('rejects a bitmap of the wrong size with SLOT_BITMAP_INVALID', () => {
    expect(() => rangesFromBitmap(new Uint8Array(16384))).toThrow(
      expect.objectContaining({ code: 'SLOT_BITMAP_INVALID' }),
    );
  });
});

describe('formatRanges and parseRangeToken', () => {
  it('prints ranges as CLUSTER NODES does: a-b, or a alone for one slot, space-separated', () => {
    expect(
      formatRanges([
        { start: 10923, end: 16383 },
        { start: 0, end: 5460 },
        { start: 5462, end: 5462 },
      ]),
    ).toBe('0-5460 5462 10923-16383');
    expect(formatRange({ start: 7, end: 7 })).toBe('7');
    expect(formatRanges([])).toBe('');
  });

  it('prints maximal runs, as CLUSTER NODES does, merging adjacent and unsorted input', () => {
    expect(
      formatRanges([
        { start: 5461, end: 5461 },
        { start: 0, end: 5460 },
      ]),
    ).toBe('0-5461');
  });

  it('parses single-slot and range tokens', () => {
    expect(parseRangeToken('5461')).toEqual({ start: 5461, end: 5461 });
    expect(parseRangeToken('0-5460')).toEqual({ start: 0, end: 5460 });
    expect(parseRangeToken('7-7')).toEqual({ start: 7, end: 7 });
  });

  test.prop([range])('parses back every range it formats', (r) => {
    expect(parseRangeToken(formatRange(r))).toEqual(r);
  });

  test.prop([ranges])('parses the tokens of formatRanges back to the canonical ranges', (list) => {
    const text = formatRanges(list);
    const parsed = text === '' ? [] : text.split(' ').map(parseRangeToken);
    expect(parsed).toEqual(normalizeRanges(list));
  });

  it.each([
    '',
    '-',
    '1-',
    '-1',
    '01',
    '1-02',
    '+1',
    ' 1',
    '1 ',
    '1-2-3',
    '1..2',
    'a',
    '[42->-abc]',
    '[42-<-abc]',
  ])('rejects the token %j with SLOT_RANGE_TOKEN_INVALID', (token) => {
    expect(() => parseRangeToken(token)).toThrow(
      expect.objectContaining({ code: 'SLOT_RANGE_TOKEN_INVALID' }),
    );
  });

  it.each(['16384', '0-16384', '99999999999999999999'])(
    'rejects the token %j with SLOT_OUT_OF_RANGE',
    (token) => {
      expect(() => parseRangeToken(token)).toThrow(expect.objectContaining({ code: 'SLOT_OUT_OF_RANGE' }));
    },
  );

  it('rejects a token that ends before it starts with SLOT_RANGE_REVERSED', () => {
    expect(() => parseRangeToken('10-9')).toThrow(expect.objectContaining({ code: 'SLOT_RANGE_REVERSED' }));
  });

  it('quotes at most 40 characters of a huge bad token in its error message', () => {
    let message = '';
    try {
      parseRangeToken('x'.repeat(1_000_000));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`"${'x'.repeat(40)}…"`);
    expect(message.length).toBeLessThan(200);
  });
});
