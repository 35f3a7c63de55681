// Strict decimal integer parsing with Redis's rules (string2ll in redis src/util.c) for arguments and stored
// values held as byte strings: optional '-', no '+', no spaces, no leading zeros ("0" alone is fine, "-0" is
// not), and the value must fit a signed 64-bit integer. The rule itself is @tessera/resp's parseInt64 (the
// decoders use it for lengths); this adapts byte strings to it. No I/O.
import { parseInt64 as parseInt64Bytes } from '@tessera/resp';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** string2ll refuses texts longer than LONG_STR_SIZE - 1 (20) characters. */
const MAX_INT64_CHARS = 20;
/** The text's bytes, copied for the byte parser (no allocation per call). */
const scratch = new Uint8Array(MAX_INT64_CHARS);

/**
 * Parses `text` as an int64. Returns a JS number (exact up to 2^53; larger int64 values are rounded,
 * which is fine for limits and counts), or null when `text` is not a canonical int64.
 */
export function parseInt64(text: string): number | null {
  const length = text.length;
  if (length === 0 || length > MAX_INT64_CHARS) return null;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return null; // neither a digit nor '-'
    scratch[i] = code;
  }
  const n = parseInt64Bytes(scratch, 0, length);
  return n === n ? n : null;
}

export { INT64_MAX, INT64_MIN };
