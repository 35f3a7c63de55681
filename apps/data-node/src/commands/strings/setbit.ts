// SETBIT key offset value: sets or clears one bit, growing the string with zero bytes as needed, and replies
// with the bit's previous value (redis src/bitops.c setbitCommand). Keeps the TTL.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { parseInt64 } from '../../util/int64.js';
import { parseBitOffset } from './bit-offset.js';
import { storeBytes, writableBytes } from './string-bytes.js';
import { readStringForWrite, WRONG_TYPE } from './string-value.js';

const BIT_VALUE_ERROR = 'ERR bit is not an integer or out of range';

export const setbit = {
  name: 'setbit',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'bitmap', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Sets or clears the bit at offset in the string value stored at key',
    since: '2.2.0',
    group: 'bitmap',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const offset = parseBitOffset(ctx, ctx.arg(2));
    if (offset === null) return;
    const on = parseInt64(ctx.arg(3));
    if (on !== 0 && on !== 1) {
      ctx.error(BIT_VALUE_ERROR);
      return;
    }
    const key = ctx.arg(1);
    const value = readStringForWrite(ctx, key);
    if (value === WRONG_TYPE) return;
    const byte = Math.floor(offset / 8);
    const shift = 7 - (offset - byte * 8);
    const length = value === undefined ? -1 : value.length;
    const old = byte < length ? (byteAt(value as string | Buffer, byte) >> shift) & 1 : 0;
    // Redis writes (and signals the key) only when the key or its length changes, or the bit flips.
    if (byte >= length || old !== on) {
      const bytes = writableBytes(value, byte + 1);
      bytes[byte] = ((bytes[byte] as number) & ~(1 << shift)) | (on << shift);
      storeBytes(ctx, key, bytes, value);
    }
    ctx.reply.integer(old);
  },
} satisfies CommandSpec;

function byteAt(value: string | Buffer, index: number): number {
  return typeof value === 'string' ? value.charCodeAt(index) : (value[index] as number);
}
