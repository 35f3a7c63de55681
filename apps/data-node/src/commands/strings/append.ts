// APPEND key value: appends to the string (creating it) and replies with the new length; keeps the TTL.
// String values grow by concatenation (V8 ropes make repeated appends cheap); a Buffer value, or a result
// too long for a JS string, grows in place with room to spare (string-bytes.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { checkStringLength, MAX_STRING_CHARS, storeBytes, writableBytes } from './string-bytes.js';
import { readStringForWrite, WRONG_TYPE } from './string-value.js';

export const append = {
  name: 'append',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Append a value to a key',
    since: '2.0.0',
    group: 'string',
    complexity:
      'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const value = readStringForWrite(ctx, key);
    if (value === WRONG_TYPE) return;
    const suffix = ctx.args[2] as Buffer;
    if (value === undefined) {
      ctx.db.set(key, ctx.arg(2));
      ctx.reply.integer(suffix.length);
      return;
    }
    const total = value.length + suffix.length;
    if (!checkStringLength(ctx, value.length, suffix.length)) return;
    if (typeof value === 'string' && total <= MAX_STRING_CHARS) {
      ctx.db.set(key, value + ctx.arg(2), true);
    } else {
      const bytes = writableBytes(value, total);
      suffix.copy(bytes, value.length);
      storeBytes(ctx, key, bytes, value);
    }
    ctx.reply.integer(total);
  },
} satisfies CommandSpec;
