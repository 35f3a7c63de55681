// Slot sets: both encodings round trip through protobuf bytes, the encoder picks the shorter one, and every
// malformed set is a WireError naming the field.
import { fc, test } from '@fast-check/vitest';
import { SlotSet } from '@tessera/proto';
import { bitmapFromRanges, createSlotBitmap, SLOT_COUNT, type SlotBitmap } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { WireError } from './errors.js';
import { bitmapFromSlotSet, slotSetFromBitmap } from './slot-set.js';

function throughBytes(set: SlotSet): SlotSet {
  return SlotSet.decode(SlotSet.encode(set).finish());
}

function bitmapOf(slots: Iterable<number>): SlotBitmap {
  const bitmap = createSlotBitmap();
  for (const slot of slots) bitmap[slot >> 3] = (bitmap[slot >> 3] as number) | (1 << (slot & 7));
  return bitmap;
}

const everySlot = Array.from({ length: SLOT_COUNT }, (_, slot) => slot);

const namedSets: [string, SlotBitmap][] = [
  ['empty', createSlotBitmap()],
  ['full', bitmapFromRanges([{ start: 0, end: SLOT_COUNT - 1 }])],
  ['only slot 0', bitmapOf([0])],
  ['only slot 16383', bitmapOf([16383])],
  [
    'three shards',
    bitmapFromRanges([
      { start: 0, end: 5460 },
      { start: 10923, end: 16383 },
    ]),
  ],
  ['even slots', bitmapOf(everySlot.filter((slot) => slot % 2 === 0))],
  ['odd slots', bitmapOf(everySlot.filter((slot) => slot % 2 === 1))],
];

function rangesOf(set: SlotSet): { start: number; end: number }[] {
  if (set.encoding?.$case !== 'ranges') throw new Error(`expected ranges, got ${set.encoding?.$case}`);
  return set.encoding.value.ranges;
}

function thrown(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return error as WireError;
  }
  throw new Error('expected a WireError');
}

describe('slotSetFromBitmap / bitmapFromSlotSet', () => {
  it.each(namedSets)('gives back the same slots after a trip through bytes (%s)', (_, bitmap) => {
    const decoded = bitmapFromSlotSet(throughBytes(slotSetFromBitmap(bitmap)));
    expect(decoded).toEqual(bitmap);
    expect(Buffer.isBuffer(decoded)).toBe(false);
  });

  it('sends contiguous runs as maximal ranges, empty as no range and full as one range', () => {
    expect(rangesOf(slotSetFromBitmap(createSlotBitmap()))).toEqual([]);
    expect(rangesOf(slotSetFromBitmap(bitmapFromRanges([{ start: 0, end: 16383 }])))).toEqual([
      { start: 0, end: 16383 },
    ]);
    expect(rangesOf(slotSetFromBitmap(bitmapOf([1, 2, 3, 7, 16383])))).toEqual([
      { start: 1, end: 3 },
      { start: 7, end: 7 },
      { start: 16383, end: 16383 },
    ]);
  });

  it('sends alternating slots as the 2048-byte bitmap, shorter than 8192 ranges', () => {
    const set = slotSetFromBitmap(bitmapOf(everySlot.filter((slot) => slot % 2 === 0)));
    expect(set.encoding?.$case).toBe('bitmap');
    expect(SlotSet.encode(set).finish().length).toBe(2051);
  });

  test.prop([fc.uniqueArray(fc.nat({ max: SLOT_COUNT - 1 }), { maxLength: 3000 })], { numRuns: 200 })(
    'picks the shorter encoding and round trips any slot set',
    (slots) => {
      const bitmap = bitmapOf(slots);
      const set = slotSetFromBitmap(bitmap);
      const other: SlotSet =
        set.encoding?.$case === 'ranges'
          ? { encoding: { $case: 'bitmap', value: Buffer.from(bitmap) } }
          : slotSetAsRanges(bitmap);
      const bytes = SlotSet.encode(set).finish();
      expect(bytes.length).toBeLessThanOrEqual(SlotSet.encode(other).finish().length);
      expect(bitmapFromSlotSet(SlotSet.decode(bytes))).toEqual(bitmap);
      expect(bitmapFromSlotSet(throughBytes(other))).toEqual(bitmap);
    },
  );

  it('reads both encodings of the same slots alike', () => {
    const bitmap = bitmapFromRanges([
      { start: 5, end: 9 },
      { start: 100, end: 100 },
    ]);
    const asRanges: SlotSet = {
      encoding: {
        $case: 'ranges',
        value: {
          ranges: [
            { start: 5, end: 9 },
            { start: 100, end: 100 },
          ],
        },
      },
    };
    const asBitmap: SlotSet = { encoding: { $case: 'bitmap', value: Buffer.from(bitmap) } };
    expect(bitmapFromSlotSet(throughBytes(asRanges))).toEqual(bitmap);
    expect(bitmapFromSlotSet(throughBytes(asBitmap))).toEqual(bitmap);
  });

  it('accepts adjacent ranges that are not merged', () => {
    const set: SlotSet = {
      encoding: {
        $case: 'ranges',
        value: {
          ranges: [
            { start: 0, end: 5 },
            { start: 6, end: 9 },
          ],
        },
      },
    };
    expect(bitmapFromSlotSet(set)).toEqual(bitmapFromRanges([{ start: 0, end: 9 }]));
  });

  it('reads an absent set, or one without an encoding, as no slots', () => {
    expect(bitmapFromSlotSet(undefined)).toEqual(createSlotBitmap());
    expect(bitmapFromSlotSet({ encoding: undefined })).toEqual(createSlotBitmap());
  });

  it('copies bitmaps both ways, so later writes to either side do not leak', () => {
    const bitmap = bitmapOf(everySlot.filter((slot) => slot % 2 === 0));
    const set = slotSetFromBitmap(bitmap);
    bitmap[0] = 0;
    const decoded = bitmapFromSlotSet(set);
    expect(decoded[0]).toBe(0b0101_0101);
    if (set.encoding?.$case === 'bitmap') set.encoding.value[1] = 0;
    expect(decoded[1]).toBe(0b0101_0101);
  });
});

describe('malformed slot sets', () => {
  const ranges = (list: { start: number; end: number }[]): SlotSet => ({
    encoding: { $case: 'ranges', value: { ranges: list } },
  });

  it('refuses a bitmap of 2047 bytes, naming the field', () => {
    const error = thrown(() =>
      bitmapFromSlotSet({ encoding: { $case: 'bitmap', value: Buffer.alloc(2047) } }, 'Ping.header.slots'),
    );
    expect(error.code).toBe('RC_ERR_WIRE_INVALID');
    expect(error.message).toBe(
      'Ping.header.slots.bitmap must be exactly 2048 bytes (16384 bits), got 2047 bytes',
    );
  });

  it('refuses a bitmap of 2049 bytes', () => {
    expect(
      thrown(() => bitmapFromSlotSet({ encoding: { $case: 'bitmap', value: Buffer.alloc(2049) } })).message,
    ).toMatch(/exactly 2048 bytes.*got 2049 bytes/);
  });

  it('refuses slot 16384 in a range', () => {
    expect(thrown(() => bitmapFromSlotSet(ranges([{ start: 16000, end: 16384 }]))).message).toBe(
      'SlotSet.ranges[0] must hold slots in 0..16383, got 16000-16384',
    );
  });

  it('refuses a range that ends before it starts', () => {
    expect(thrown(() => bitmapFromSlotSet(ranges([{ start: 10, end: 9 }]))).message).toBe(
      'SlotSet.ranges[0] ends before it starts (10 > 9)',
    );
  });

  it('refuses overlapping or unsorted ranges (common.proto: sorted by start, non-overlapping)', () => {
    expect(
      thrown(() =>
        bitmapFromSlotSet(
          ranges([
            { start: 0, end: 10 },
            { start: 10, end: 12 },
          ]),
        ),
      ).message,
    ).toMatch(/ranges\[1\] \(10-12\) overlaps or precedes/);
    expect(
      thrown(() =>
        bitmapFromSlotSet(
          ranges([
            { start: 50, end: 60 },
            { start: 0, end: 1 },
          ]),
        ),
      ).message,
    ).toMatch(/ranges\[1\] \(0-1\) overlaps or precedes/);
  });

  it('refuses more than 16384 ranges before looking at any of them', () => {
    const many = Array.from({ length: SLOT_COUNT + 1 }, () => ({ start: 0, end: 0 }));
    expect(thrown(() => bitmapFromSlotSet(ranges(many))).message).toBe(
      'SlotSet.ranges has 16385 ranges, more than the 16384 slots',
    );
  });

  it('refuses to encode a bitmap that is not 2048 bytes', () => {
    expect(thrown(() => slotSetFromBitmap(new Uint8Array(2047))).message).toBe(
      'a slot bitmap must be a Uint8Array of 2048 bytes, got 2047 bytes',
    );
  });
});

function slotSetAsRanges(bitmap: SlotBitmap): SlotSet {
  const list: { start: number; end: number }[] = [];
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (((bitmap[slot >> 3] as number) & (1 << (slot & 7))) === 0) continue;
    const last = list[list.length - 1];
    if (last && last.end === slot - 1) last.end = slot;
    else list.push({ start: slot, end: slot });
  }
  return { encoding: { $case: 'ranges', value: { ranges: list } } };
}
