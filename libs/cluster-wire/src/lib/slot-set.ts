// Slot sets between @tessera/slot bitmaps and the SlotSet message of proto/tessera/common/v1/common.proto.
// The sender picks the smaller encoding (common.proto): sorted maximal ranges for the usual few contiguous runs,
// the 2048-byte bitmap once ranges would be longer (scattered slots). The bitmap layout is the same on both
// sides (slot s is bit s % 8 of byte s / 8, Redis's clusterMsg.myslots), so it is copied as is. Every slot read
// from the wire is checked as an integer in 0..16383 before use (style rule 6). Pure: no I/O.
import {
  createSlotBitmap,
  isSlotBitmap,
  isValidSlot,
  MAX_SLOT,
  rangesFromBitmap,
  SLOT_BITMAP_BYTES,
  SLOT_COUNT,
  type SlotBitmap,
  type SlotRange,
} from '@tessera/slot';
import type { SlotSet } from '@tessera/proto';
import { describeValue, WireError } from './errors.js';

/** Protobuf tag byte of field 1 or 2 with wire type 2 (length-delimited): one byte each. */
const TAG_BYTES = 1;

/**
 * The SlotSet of `bitmap`, in the smaller encoding: ranges (maximal runs, ascending) unless the 2048-byte bitmap
 * is shorter on the wire. Throws WireError unless `bitmap` is a 2048-byte Uint8Array.
 */
export function slotSetFromBitmap(bitmap: SlotBitmap): SlotSet {
  if (!isSlotBitmap(bitmap)) {
    throw new WireError(
      `a slot bitmap must be a Uint8Array of ${SLOT_BITMAP_BYTES} bytes, got ${lengthOf(bitmap)}`,
    );
  }
  const ranges = rangesFromBitmap(bitmap);
  if (rangesWireBytes(ranges) <= fieldBytes(SLOT_BITMAP_BYTES)) {
    return {
      encoding: { $case: 'ranges', value: { ranges: ranges.map(({ start, end }) => ({ start, end })) } },
    };
  }
  return { encoding: { $case: 'bitmap', value: Buffer.from(bitmap) } };
}

/**
 * A new bitmap of the slots in `set`, from either encoding; an absent set (or one with no encoding) is empty.
 * Throws WireError, naming the field `what`, for a bitmap that is not exactly 2048 bytes, more than 16384
 * ranges, a slot outside 0..16383, a range that ends before it starts, or ranges that are not sorted by start
 * and non-overlapping (common.proto SlotRanges).
 */
export function bitmapFromSlotSet(set: SlotSet | undefined, what = 'SlotSet'): SlotBitmap {
  const encoding = set?.encoding;
  if (encoding === undefined || encoding === null) return createSlotBitmap();
  switch (encoding.$case) {
    case 'bitmap':
      return bitmapFromBytes(encoding.value, `${what}.bitmap`);
    case 'ranges':
      return bitmapFromRanges(encoding.value?.ranges, `${what}.ranges`);
    default:
      throw new WireError(
        `${what} has an unknown encoding ${describeValue((encoding as { $case: unknown }).$case)}`,
      );
  }
}

function bitmapFromBytes(bytes: unknown, what: string): SlotBitmap {
  if (!(bytes instanceof Uint8Array) || bytes.length !== SLOT_BITMAP_BYTES) {
    throw new WireError(
      `${what} must be exactly ${SLOT_BITMAP_BYTES} bytes (16384 bits), got ${lengthOf(bytes)}`,
    );
  }
  return new Uint8Array(bytes); // a plain copy: never alias the decoder's buffer
}

function bitmapFromRanges(ranges: readonly SlotRange[] | undefined, what: string): SlotBitmap {
  const bitmap = createSlotBitmap();
  if (ranges === undefined || ranges === null) return bitmap;
  if (!Array.isArray(ranges)) throw new WireError(`${what} must be a list of slot ranges`);
  // Checked before any work: sorted non-overlapping ranges over 16384 slots are at most 16384 of them.
  if (ranges.length > SLOT_COUNT) {
    throw new WireError(`${what} has ${ranges.length} ranges, more than the ${SLOT_COUNT} slots`);
  }
  let previousEnd = -1;
  ranges.forEach((range: SlotRange | undefined, index) => {
    const start: unknown = range?.start;
    const end: unknown = range?.end;
    if (!isValidSlot(start) || !isValidSlot(end)) {
      throw new WireError(
        `${what}[${index}] must hold slots in 0..${MAX_SLOT}, got ${describeValue(start)}-${describeValue(end)}`,
      );
    }
    if (start > end) throw new WireError(`${what}[${index}] ends before it starts (${start} > ${end})`);
    if (start <= previousEnd) {
      throw new WireError(`${what}[${index}] (${start}-${end}) overlaps or precedes the range before it`);
    }
    for (let slot = start; slot <= end; slot++) {
      bitmap[slot >> 3] = (bitmap[slot >> 3] as number) | (1 << (slot & 7));
    }
    previousEnd = end;
  });
  return bitmap;
}

/** Bytes of the `ranges` encoding of a SlotSet (field 1 holding a SlotRanges message). */
function rangesWireBytes(ranges: readonly SlotRange[]): number {
  let content = 0;
  for (const { start, end } of ranges) {
    // SlotRange: proto3 leaves zero fields out; each present field is a tag byte and a varint.
    const inner =
      (start === 0 ? 0 : TAG_BYTES + varintBytes(start)) + (end === 0 ? 0 : TAG_BYTES + varintBytes(end));
    content += fieldBytes(inner);
  }
  return fieldBytes(content);
}

/** Bytes of one length-delimited field with `length` bytes of content. */
function fieldBytes(length: number): number {
  return TAG_BYTES + varintBytes(length) + length;
}

function varintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value >>> 7; rest > 0; rest >>>= 7) bytes++;
  return bytes;
}

function lengthOf(value: unknown): string {
  return value instanceof Uint8Array ? `${value.length} bytes` : describeValue(value);
}
