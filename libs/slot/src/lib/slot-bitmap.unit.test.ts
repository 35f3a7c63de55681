import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  clearSlot,
  countSlots,
  createSlotBitmap,
  hasSlot,
  isSlotBitmap,
  setSlot,
  SLOT_BITMAP_BYTES,
} from './slot-bitmap.js';

const slot = fc.integer({ min: 0, max: 16383 });

describe('slot bitmap', () => {
  it('starts empty, 2048 bytes long', () => {
    const bitmap = createSlotBitmap();
    expect(SLOT_BITMAP_BYTES).toBe(2048);
    expect(bitmap.length).toBe(2048);
    expect(countSlots(bitmap)).toBe(0);
    expect(hasSlot(bitmap, 0)).toBe(false);
  });

  it('sets, tests and clears single slots', () => {
    const bitmap = createSlotBitmap();
    setSlot(bitmap, 42);
    setSlot(bitmap, 16383);
    expect(hasSlot(bitmap, 42)).toBe(true);
    expect(hasSlot(bitmap, 43)).toBe(false);
    expect(countSlots(bitmap)).toBe(2);
    clearSlot(bitmap, 42);
    expect(hasSlot(bitmap, 42)).toBe(false);
    expect(countSlots(bitmap)).toBe(1);
  });

  it('lays bits out like the myslots field of the Redis cluster bus (slot s = bit s&7 of byte s>>3)', () => {
    const bitmap = createSlotBitmap();
    setSlot(bitmap, 0);
    setSlot(bitmap, 15);
    setSlot(bitmap, 16383);
    expect([bitmap[0], bitmap[1], bitmap[2047]]).toEqual([0x01, 0x80, 0x80]);
  });

  it('counts a full bitmap as 16384 slots', () => {
    expect(countSlots(new Uint8Array(2048).fill(0xff))).toBe(16384);
  });

  it('accepts a Buffer of 2048 bytes, such as a bytes field read off the wire', () => {
    const buffer = Buffer.alloc(2048);
    setSlot(buffer, 9);
    expect(buffer[1]).toBe(0x02);
    expect(isSlotBitmap(buffer)).toBe(true);
  });

  test.prop([fc.uniqueArray(slot, { maxLength: 300 })])('counts exactly the distinct slots set', (slots) => {
    const bitmap = createSlotBitmap();
    for (const s of slots) setSlot(bitmap, s);
    expect(countSlots(bitmap)).toBe(slots.length);
    for (const s of slots) expect(hasSlot(bitmap, s)).toBe(true);
  });

  test.prop([fc.uint8Array({ minLength: 2048, maxLength: 2048 }), slot])(
    'changes only the bit of the slot it sets or clears',
    (bytes, s) => {
      const set = Uint8Array.from(bytes);
      setSlot(set, s);
      const cleared = Uint8Array.from(bytes);
      clearSlot(cleared, s);
      const byte = bytes[s >> 3] ?? 0;
      const expectedSet = Uint8Array.from(bytes);
      expectedSet[s >> 3] = byte | (1 << (s & 7));
      const expectedCleared = Uint8Array.from(bytes);
      expectedCleared[s >> 3] = byte & ~(1 << (s & 7));
      expect(Buffer.compare(set, expectedSet)).toBe(0);
      expect(Buffer.compare(cleared, expectedCleared)).toBe(0);
      expect(hasSlot(set, s)).toBe(true);
      expect(hasSlot(cleared, s)).toBe(false);
    },
  );

  it.each([-1, 16384, 1.5, Number.NaN])('rejects the slot %s with SLOT_OUT_OF_RANGE', (bad) => {
    const bitmap = createSlotBitmap();
    const outOfRange = expect.objectContaining({ name: 'SlotError', code: 'SLOT_OUT_OF_RANGE' });
    expect(() => setSlot(bitmap, bad)).toThrow(outOfRange);
    expect(() => clearSlot(bitmap, bad)).toThrow(outOfRange);
    expect(() => hasSlot(bitmap, bad)).toThrow(outOfRange);
    expect(countSlots(bitmap)).toBe(0);
  });

  it.each([new Uint8Array(2047), new Uint8Array(2049), new Uint8Array(0)])(
    'rejects a bitmap of the wrong size with SLOT_BITMAP_INVALID',
    (bad) => {
      const invalid = expect.objectContaining({
        code: 'SLOT_BITMAP_INVALID',
        message: expect.stringContaining('2048'),
      });
      expect(isSlotBitmap(bad)).toBe(false);
      expect(() => setSlot(bad, 0)).toThrow(invalid);
      expect(() => hasSlot(bad, 0)).toThrow(invalid);
      expect(() => countSlots(bad)).toThrow(invalid);
    },
  );
});
