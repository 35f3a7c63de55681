// SETRANGE key offset value: overwrites bytes from offset on, zero-padding a shorter value, and replies with
// the new length; keeps the TTL (redis src/t_string.c setrangeCommand). An empty value changes nothing
// (and creates no key); the result may not pass proto-max-bulk-len.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { checkStringLength, storeBytes, writableBytes } from './string-bytes.js';
import { readStringForWrite, WRONG_TYPE } from './string-value.js';

export const setrange = {
  name: 'setrange',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Overwrite part of a string at key starting at the specified offset',
    since: '2.2.0',
    group: 'string',
    complexity:
      'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
  },
  handler(ctx) {
    const offset = parseInt64(ctx.arg(2));
    if (offset === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (offset < 0) {
      ctx.error(Err.offsetOutOfRange);
      return;
    }
    const key = ctx.arg(1);
    const value = readStringForWrite(ctx, key);
    if (value === WRONG_TYPE) return;
    const patch = ctx.args[3] as Buffer;
    if (patch.length === 0) {
      ctx.reply.integer(value === undefined ? 0 : value.length);
      return;
    }
    if (!checkStringLength(ctx, offset, patch.length)) return;
    const bytes = writableBytes(value, offset + patch.length);
    patch.copy(bytes, offset);
    storeBytes(ctx, key, bytes, value);
    ctx.reply.integer(bytes.length);
  },
} satisfies CommandSpec;
