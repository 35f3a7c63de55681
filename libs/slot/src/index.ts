// Public entry of @tessera/slot: Redis Cluster key hashing (CRC16/XMODEM, hash tags), slot numbers,
// slot bitmaps and slot ranges. Curated named exports only; everything here is pure (no I/O).
export { crc16, crc16ByteString, crc16Utf8 } from './lib/crc16.js';
export { SLOT_ERROR_CODES, SlotError } from './lib/errors.js';
export type { SlotErrorCode } from './lib/errors.js';
export { keySlot, keySlotUtf8 } from './lib/key-slot.js';
export {
  clearSlot,
  countSlots,
  createSlotBitmap,
  hasSlot,
  isSlotBitmap,
  setSlot,
  SLOT_BITMAP_BYTES,
} from './lib/slot-bitmap.js';
export type { SlotBitmap } from './lib/slot-bitmap.js';
export { isValidSlot, MAX_SLOT, parseSlot, SLOT_COUNT } from './lib/slot-number.js';
export {
  bitmapFromRanges,
  formatRange,
  formatRanges,
  normalizeRanges,
  parseRangeToken,
  rangesFromBitmap,
} from './lib/slot-ranges.js';
export type { SlotRange } from './lib/slot-ranges.js';
