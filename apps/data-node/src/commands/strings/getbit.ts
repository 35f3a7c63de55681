// GETBIT key offset: the bit at offset, 0 past the end of the string or for a missing key.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { parseBitOffset } from './bit-offset.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const getbit = {
  name: 'getbit',
  arity: 3,
  flags: ['readonly', 'fast'],
  categories: ['read', 'bitmap', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns the bit value at offset in the string value stored at key',
    since: '2.2.0',
    group: 'bitmap',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const offset = parseBitOffset(ctx, ctx.arg(2));
    if (offset === null) return;
    const value = readString(ctx, ctx.arg(1));
    if (value === WRONG_TYPE) return;
    const byte = Math.floor(offset / 8);
    if (value === undefined || byte >= value.length) {
      ctx.reply.integer(0);
      return;
    }
    const bits = typeof value === 'string' ? value.charCodeAt(byte) : (value[byte] as number);
    ctx.reply.integer((bits >> (7 - (offset - byte * 8))) & 1);
  },
} satisfies CommandSpec;
