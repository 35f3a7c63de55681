// Key -> hash slot, as Redis Cluster computes it (redis src/cluster.c `keyHashSlot`).
// On the server's hot path (every keyed command): no allocation for string or byte keys.
// Pure: no I/O.
import { crc16, crc16ByteString } from './crc16.js';

/** `slot = crc16 & SLOT_MASK`: 16384 slots (redis `keyHashSlot` masks with 0x3FFF). */
const SLOT_MASK = 0x3fff;
const OPEN_BRACE = 0x7b; // '{'
const CLOSE_BRACE = 0x7d; // '}'
const ASCII_LIMIT = 0x80;

const utf8 = new TextEncoder();

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
 * Hash slot of ordinary text, hashed as its UTF-8 bytes (what a client sends for a JS string key).
 * ASCII text is hashed in place; other text is UTF-8 encoded first (lone surrogates become U+FFFD,
 * as `TextEncoder` and `Buffer.from(text, 'utf8')` both do).
 */
export function keySlotUtf8(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= ASCII_LIMIT) return bytesSlot(utf8.encode(text));
  }
  return byteStringSlot(text);
}

// The two loops below are `keyHashSlot` line for line, once over char codes and once over bytes.

function byteStringSlot(key: string): number {
  const length = key.length;
  let open = 0;
  while (open < length && (key.charCodeAt(open) & 0xff) !== OPEN_BRACE) open++;
  if (open === length) return crc16ByteString(key, 0, length) & SLOT_MASK;
  let close = open + 1;
  while (close < length && (key.charCodeAt(close) & 0xff) !== CLOSE_BRACE) close++;
  if (close === length || close === open + 1) return crc16ByteString(key, 0, length) & SLOT_MASK;
  return crc16ByteString(key, open + 1, close) & SLOT_MASK;
}

function bytesSlot(key: Uint8Array): number {
  const length = key.length;
  let open = 0;
  while (open < length && key[open] !== OPEN_BRACE) open++;
  if (open === length) return crc16(key, 0, length) & SLOT_MASK;
  let close = open + 1;
  while (close < length && key[close] !== CLOSE_BRACE) close++;
  if (close === length || close === open + 1) return crc16(key, 0, length) & SLOT_MASK;
  return crc16(key, open + 1, close) & SLOT_MASK;
}
