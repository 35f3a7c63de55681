// Parsing a SCAN-family cursor like Redis (redis src/db.c parseScanCursorOrReply): C's strtoul in base 10,
// so an optional sign (a negative value wraps modulo 2^64), no leading space, nothing after the digits, at
// most 2^64 - 1; the empty string is cursor 0. Bytes after a NUL are ignored, as C sees the string end
// there. SCAN, HSCAN and SSCAN read it as a number, ZSCAN (whose cursors use all 64 bits) as a bigint.

const ULONG_MAX = 18446744073709551615n;
const ULONG_MODULUS = 18446744073709551616n;
/** Digits that always fit a double exactly. */
const SAFE_DIGITS = 15;

/** The cursor as a number (exact below 2^53; beyond, only its size matters), or null: `ERR invalid cursor`. */
export function parseScanCursor(argument: string): number | null {
  const text = untilNul(argument);
  if (text.length === 0) return 0;
  const start = digitsStart(text);
  if (start === -1) return null;
  if (start === 0 && text.length <= SAFE_DIGITS) return Number(text);
  const exact = exactCursor(text, start);
  return exact === null ? null : Number(exact);
}

/** The cursor as an exact unsigned 64-bit integer, or null: `ERR invalid cursor`. */
export function parseScanCursor64(argument: string): bigint | null {
  const text = untilNul(argument);
  if (text.length === 0) return 0n;
  const start = digitsStart(text);
  return start === -1 ? null : exactCursor(text, start);
}

/** What C sees of the argument: the bytes before the first NUL. */
function untilNul(argument: string): string {
  const nul = argument.indexOf('\0');
  return nul === -1 ? argument : argument.slice(0, nul);
}

/** Where the digits of a non-empty cursor start (after an optional sign), or -1 when it is not one. */
function digitsStart(text: string): number {
  const sign = text.charCodeAt(0);
  const start = sign === 43 /* + */ || sign === 45 /* - */ ? 1 : 0;
  if (start === text.length) return -1;
  for (let i = start; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
  }
  return start;
}

/** The value of the checked cursor `text`, wrapped modulo 2^64 when negative; null past 2^64 - 1. */
function exactCursor(text: string, start: number): bigint | null {
  const magnitude = BigInt(text.slice(start));
  if (magnitude > ULONG_MAX) return null;
  return start === 1 && text.charCodeAt(0) === 45 && magnitude !== 0n ? ULONG_MODULUS - magnitude : magnitude;
}
