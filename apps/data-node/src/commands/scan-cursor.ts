// Parsing a SCAN-family cursor like Redis (redis src/db.c parseScanCursorOrReply): C's strtoul in base 10,
// so an optional sign (a negative value wraps modulo 2^64), no leading space, nothing after the digits, at
// most 2^64 - 1; the empty string is cursor 0. Bytes after a NUL are ignored, as C sees the string end
// there. HSCAN, SSCAN and ZSCAN share it.

const ULONG_MAX = 18446744073709551615n;
const ULONG_MODULUS = 18446744073709551616n;

/** The cursor as a number (exact below 2^53; beyond, only its size matters), or null: `ERR invalid cursor`. */
export function parseScanCursor(argument: string): number | null {
  const nul = argument.indexOf('\0');
  const text = nul === -1 ? argument : argument.slice(0, nul);
  if (text.length === 0) return 0;
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === 43 /* + */ || sign === 45 /* - */) i = 1;
  if (i === text.length) return null;
  let value = 0;
  for (let j = i; j < text.length; j++) {
    const digit = text.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  if (value < Number.MAX_SAFE_INTEGER && sign !== 45) return value;
  let exact = BigInt(text.slice(i));
  if (exact > ULONG_MAX) return null;
  if (sign === 45 && exact !== 0n) exact = ULONG_MODULUS - exact;
  return Number(exact);
}
