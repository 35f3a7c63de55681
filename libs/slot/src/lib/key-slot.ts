// Key -> hash slot, as Redis Cluster computes it (redis src/cluster.c `keyHashSlot`).
// On the server's hot path (every keyed command): no allocation, one pass over the key where possible.
// Pure: no I/O.
import { crc16, crc16ByteString, crc16Step, crc16Utf8 } from './crc16.js';

/** `slot = crc16 & SLOT_MASK`: 16384 slots (redis `keyHashSlot` masks with 0x3FFF). */
const SLOT_MASK = 0x3fff;
const OPEN_BRACE = 0x7b; // '{'
const CLOSE_BRACE = 0x7d; // '}'

/**
 * Hash slot (0..16383) of a key: `CRC16/XMODEM(hashed bytes) & 16383`.
 *
 * Hash-tag rule, exactly as Redis's `keyHashSlot`:
 * 1. Find the **first** `{` in the key. If there is none, hash the whole key.
 * 2. Find the first `}` after that `{`. If there is none, or it comes right after the `{`
 *    (nothing between them), hash the whole key.
 * 3. Otherwise hash only the bytes strictly between that `{` and that `}`.
 *
 * So `{user1000}.following` and `user1000` share slot 3443; `foo{}{bar}` hashes the whole key (the first
 * tag is empty and no later `{` is considered); `foo{{bar}}zap` hashes `{bar`; `foo{bar}{zap}` hashes `bar`;
 * `{}foo` hashes the whole key.
 *
 * Keys are **byte strings**: a JS string holds one byte per char (latin1, as the data-node gets it from
 * `buf.latin1Slice()`), and each char contributes `charCode & 0xff`. So `keySlot(s)` equals
 * `keySlot(Buffer.from(s, 'latin1'))` for every string. For ordinary (UTF-8) text use {@link keySlotUtf8}.
 */
export function keySlot(key: string | Uint8Array): number {
  return typeof key === 'string' ? byteStringSlot(key) : bytesSlot(key);
}

/**
 * Hash slot of ordinary text, hashed as its UTF-8 bytes (what a client sends for a JS string key), without
 * allocating them. A lone surrogate counts as U+FFFD, as `TextEncoder` and `Buffer.from(text, 'utf8')` encode it.
 */
export function keySlotUtf8(text: string): number {
  // `{` and `}` are ASCII, and UTF-8 never uses ASCII byte values inside a multi-byte character, so the tag
  // found on the UTF-16 text is exactly the tag `keyHashSlot` finds on the UTF-8 bytes.
  const open = text.indexOf('{');
  if (open >= 0) {
    const close = text.indexOf('}', open + 1);
    if (close > open + 1) return crc16Utf8(text, open + 1, close) & SLOT_MASK;
  }
  return crc16Utf8(text) & SLOT_MASK;
}

function bytesSlot(key: Uint8Array): number {
  const open = key.indexOf(OPEN_BRACE);
  if (open >= 0) {
    const close = key.indexOf(CLOSE_BRACE, open + 1);
    if (close > open + 1) return crc16(key, open + 1, close) & SLOT_MASK;
  }
  return crc16(key) & SLOT_MASK;
}

/**
 * The same rule over a byte string, in one pass for the common key without `{`: the CRC of the whole key is
 * computed while looking for the first `{` (no native `indexOf` here: it would not mask chars with 0xff).
 */
function byteStringSlot(key: string): number {
  const length = key.length;
  let crc = 0; // CRC of key[0, open)
  for (let open = 0; open < length; open++) {
    const byte = key.charCodeAt(open) & 0xff;
    if (byte === OPEN_BRACE) {
      let close = open + 1;
      while (close < length && (key.charCodeAt(close) & 0xff) !== CLOSE_BRACE) close++;
      if (close < length && close > open + 1) return crc16ByteString(key, open + 1, close) & SLOT_MASK;
      return crc16ByteString(key, open, length, crc) & SLOT_MASK; // no tag: finish the whole key
    }
    crc = crc16Step(crc, byte);
  }
  return crc & SLOT_MASK;
}
