// Strict decimal integer parsing with Redis's rules (string2ll in redis src/util.c): optional '-', no '+',
// no spaces, no leading zeros ("0" alone is fine, "-0" is not), and the value must fit a signed 64-bit
// integer. Arguments are byte strings. No I/O.

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Parses `text` as an int64. Returns a JS number (exact up to 2^53; larger int64 values are rounded,
 * which is fine for limits and counts), or null when `text` is not a canonical int64.
 */
export function parseInt64(text: string): number | null {
  const len = text.length;
  if (len === 0 || len > 20) return null;
  let i = 0;
  const negative = text.charCodeAt(0) === 45; /* - */
  if (negative) {
    if (len === 1) return null;
    i = 1;
  }
  const first = text.charCodeAt(i);
  if (first === 48 /* 0 */) return len === 1 ? 0 : null;
  if (first < 49 || first > 57) return null;
  let n = 0;
  for (; i < len; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  if (len >= 19) {
    const exact = BigInt(text);
    if (exact > INT64_MAX || exact < INT64_MIN) return null;
  }
  return negative ? -n : n;
}

/** Like parseInt64 but exact: a bigint, or null. For INCR/DECR arithmetic near the int64 limits. */
export function parseInt64Exact(text: string): bigint | null {
  if (parseInt64(text) === null) return null;
  return BigInt(text);
}

export { INT64_MAX, INT64_MIN };
