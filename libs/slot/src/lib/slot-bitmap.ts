// Slot bitmaps: one bit per slot in a 2048-byte Uint8Array, the layout of the `myslots` field of
// Redis's cluster bus header (redis src/cluster_legacy.h `clusterMsg.myslots`, bitmapTestBit in cluster_legacy.c):
// slot `s` is bit `s & 7` (least significant first) of byte `s >> 3`.
// Helpers validate their arguments (typed SlotError) and never grow or reallocate the array. Pure: no I/O.
import { SlotError } from './errors.js';
import { assertSlot, SLOT_COUNT } from './slot-number.js';

/** A set of slots as a bitmap of exactly {@link SLOT_BITMAP_BYTES} bytes (a Buffer qualifies). */
export type SlotBitmap = Uint8Array;

/** Size of a slot bitmap in bytes: 16384 bits. */
export const SLOT_BITMAP_BYTES = SLOT_COUNT / 8;

/** Set bits per byte value, for {@link countSlots}. */
const POPCOUNT: Uint8Array = buildPopcount();

function buildPopcount(): Uint8Array {
  const table = new Uint8Array(256);
  for (let i = 1; i < 256; i++) table[i] = (i & 1) + (table[i >> 1] as number);
  return table;
}

/** A new, empty slot bitmap. */
export function createSlotBitmap(): SlotBitmap {
  return new Uint8Array(SLOT_BITMAP_BYTES);
}

/** True when `value` is a Uint8Array of exactly 2048 bytes. */
export function isSlotBitmap(value: unknown): value is SlotBitmap {
  return value instanceof Uint8Array && value.length === SLOT_BITMAP_BYTES;
}

/** Adds `slot` to the bitmap. */
export function setSlot(bitmap: SlotBitmap, slot: number): void {
  assertBitmap(bitmap);
  assertSlot(slot, 'slot');
  bitmap[slot >> 3] = (bitmap[slot >> 3] as number) | (1 << (slot & 7));
}

/** Removes `slot` from the bitmap. */
export function clearSlot(bitmap: SlotBitmap, slot: number): void {
  assertBitmap(bitmap);
  assertSlot(slot, 'slot');
  bitmap[slot >> 3] = (bitmap[slot >> 3] as number) & ~(1 << (slot & 7));
}

/** True when `slot` is in the bitmap. */
export function hasSlot(bitmap: SlotBitmap, slot: number): boolean {
  assertBitmap(bitmap);
  assertSlot(slot, 'slot');
  return ((bitmap[slot >> 3] as number) & (1 << (slot & 7))) !== 0;
}

/** Number of slots in the bitmap (0..16384). */
export function countSlots(bitmap: SlotBitmap): number {
  assertBitmap(bitmap);
  let count = 0;
  for (let i = 0; i < SLOT_BITMAP_BYTES; i++) count += POPCOUNT[bitmap[i] as number] as number;
  return count;
}

/** Throws `SLOT_BITMAP_INVALID` unless `bitmap` is a 2048-byte Uint8Array. Internal to this lib. */
export function assertBitmap(bitmap: unknown): asserts bitmap is SlotBitmap {
  if (!isSlotBitmap(bitmap)) {
    const got = bitmap instanceof Uint8Array ? `${bitmap.length} bytes` : typeof bitmap;
    throw new SlotError(
      'SLOT_BITMAP_INVALID',
      `a slot bitmap must be a Uint8Array of ${SLOT_BITMAP_BYTES} bytes (use createSlotBitmap()), got ${got}`,
    );
  }
}
