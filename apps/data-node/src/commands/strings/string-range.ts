// Index arithmetic shared by GETRANGE, BITCOUNT and BITPOS (redis src/t_string.c getrangeCommand, bitops.c):
// negative indexes count from the end, then both ends are clamped into the value. Indexes are int64
// arguments parsed to JS numbers; only the "both negative and reversed" test can be fooled by rounding
// beyond 2^53, so it compares the argument texts exactly there.
import { parseInt64 } from '../../util/int64.js';

/** An int64 range argument: its value (rounded beyond 2^53) and its text for exact comparisons. */
export interface RangeIndex {
  value: number;
  text: string;
}

/** Parses an int64 index argument; null when Redis says "value is not an integer or out of range". */
export function parseRangeIndex(text: string): RangeIndex | null {
  const value = parseInt64(text);
  return value === null ? null : { value, text };
}

/** Redis's early exit: both indexes negative and start after end means an empty range. */
export function reversedNegative(start: RangeIndex, end: RangeIndex): boolean {
  if (start.value >= 0 || end.value >= 0) return false;
  if (start.value !== end.value || Number.isSafeInteger(start.value)) return start.value > end.value;
  return BigInt(start.text) > BigInt(end.text);
}

/** Start index made absolute and clamped at 0 for a value of `length` units (bytes or bits). */
export function clampStart(start: number, length: number): number {
  const absolute = start < 0 ? length + start : start;
  return absolute < 0 ? 0 : absolute;
}

/** End index made absolute, clamped at 0 and at length - 1 (so -1 for an empty value). */
export function clampEnd(end: number, length: number): number {
  let absolute = end < 0 ? length + end : end;
  if (absolute < 0) absolute = 0;
  return absolute >= length ? length - 1 : absolute;
}
