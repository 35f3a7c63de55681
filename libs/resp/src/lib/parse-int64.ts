// Integer parsing straight from bytes with the exact acceptance rules of Redis' `string2ll`
// (redis src/util.c): optional '-', no '+', no leading zeros, no "-0", at most 20 chars, must fit in
// int64. Used for every length and integer line, so that `*-0`, `$01` or `$9223372036854775808` are
// rejected exactly where Redis rejects them. Pure, no allocation.

/** `LLONG_MAX` digits; `LLONG_MIN` is the same with a final '8'. */
const INT64_MAX_DIGITS = [
  0x39, 0x32, 0x32, 0x33, 0x33, 0x37, 0x32, 0x30, 0x33, 0x36, 0x38, 0x35, 0x34, 0x37, 0x37, 0x35, 0x38, 0x30,
  0x37,
];

/** `LONG_STR_SIZE` in Redis: inputs of 21 chars or more are never numbers. */
const MAX_INT64_TEXT = 20;

/**
 * Parses `bytes[start, end)` as an int64 the way `string2ll` does.
 * Returns `NaN` when Redis would reject it. Values outside ±2^53 come back rounded (they only ever
 * get compared against limits far below that); callers that need them exactly use `BigInt`.
 */
export function parseInt64(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > MAX_INT64_TEXT) return NaN;
  let i = start;
  const negative = bytes[i] === 0x2d;
  if (negative) i++;
  const first = i < end ? bytes[i] : undefined; // a lone "-" ends before its first digit
  if (first === undefined || first < 0x31 || first > 0x39) {
    // "0" alone is the one number that may start with 0 (string2ll's special case); "-0" is rejected.
    return length === 1 && first === 0x30 ? 0 : NaN;
  }
  let value = first - 0x30;
  for (i++; i < end; i++) {
    const digit = (bytes[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  const digits = negative ? length - 1 : length;
  if (digits >= INT64_MAX_DIGITS.length && !fitsInt64(bytes, end - digits, digits, negative)) return NaN;
  return negative ? -value : value;
}

/** Exact range check of a 19- or 20-digit magnitude against LLONG_MAX (or -LLONG_MIN). */
function fitsInt64(bytes: Uint8Array, from: number, digits: number, negative: boolean): boolean {
  if (digits > INT64_MAX_DIGITS.length) return false;
  for (let k = 0; k < digits; k++) {
    const limit = k === digits - 1 && negative ? 0x38 : (INT64_MAX_DIGITS[k] as number);
    const digit = bytes[from + k] as number;
    if (digit !== limit) return digit < limit;
  }
  return true;
}
