// Slot numbers: the slot count, the range check and the strict parser every slot read from the wire
// (MOVED/ASK replies, CLUSTER SETSLOT/ADDSLOTS arguments, gossip messages) goes through first.
// Pure: no I/O.
import { SlotError } from './errors.js';

/** Number of hash slots in a Redis Cluster (redis `src/cluster.h` `CLUSTER_SLOTS`). */
export const SLOT_COUNT = 16384;

/** Highest valid slot number. */
export const MAX_SLOT = SLOT_COUNT - 1;

/** Longest canonical slot text: `16383`. */
const MAX_SLOT_DIGITS = 5;

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** True when `n` is an integer slot number in 0..16383. */
export function isValidSlot(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_SLOT;
}

/**
 * Parses a slot written in canonical decimal (`0`, `42`, `16383`) and returns it, or `null` for anything
 * else: empty text, signs, spaces, leading zeros (`007`), fractions, exponents, or values above 16383.
 * This is the strictness of Redis's own `string2ll`, which `getSlotOrReply` uses for CLUSTER SETSLOT.
 */
export function parseSlot(text: string): number | null {
  const length = text.length;
  if (length === 0 || length > MAX_SLOT_DIGITS) return null;
  if (length > 1 && text.charCodeAt(0) === DIGIT_0) return null;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return null;
    value = value * 10 + (code - DIGIT_0);
  }
  return value <= MAX_SLOT ? value : null;
}

/**
 * Throws `SLOT_OUT_OF_RANGE` unless `n` is a valid slot; `what` names the argument in the message.
 * Internal helper of this lib (not exported from the package entry).
 */
export function assertSlot(n: unknown, what: string): asserts n is number {
  if (!isValidSlot(n)) {
    throw new SlotError(
      'SLOT_OUT_OF_RANGE',
      `${what} must be an integer slot in 0..${MAX_SLOT}, got ${String(n)}`,
    );
  }
}
