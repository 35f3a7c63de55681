// INCRBYFLOAT key increment: adds a float to the value with long double arithmetic and stores the result
// as "%.17Lf" trimmed, keeping the TTL (redis src/t_string.c incrbyfloatCommand; see util/long-double.ts).
// Order as Redis: WRONGTYPE, the stored value, the increment, then NaN/Infinity.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import type { StringValue } from '../../keyspace/values.js';
import {
  incrementLongDouble,
  INFINITE,
  MAX_LONG_DOUBLE_CHARS,
  parseLongDouble,
  ZERO,
  type LongDouble,
} from '../../util/long-double.js';
import { readStringForWrite, WRONG_TYPE } from './string-value.js';

export const incrbyfloat = {
  name: 'incrbyfloat',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Increment the float value of a key by the given amount',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const stored = readStringForWrite(ctx, key);
    if (stored === WRONG_TYPE) return;
    const value = stored === undefined ? ZERO : parseStored(stored);
    const increment = value === null ? null : parseLongDouble(ctx.arg(2));
    if (value === null || increment === null) {
      ctx.error(Err.notFloat);
      return;
    }
    const text = incrementLongDouble(value, increment);
    if (text === null) {
      ctx.error(Err.nanOrInfinity);
      return;
    }
    ctx.db.set(key, text, true);
    ctx.reply.bulk(text);
  },
} satisfies CommandSpec;

/** The stored value as an operand; a long Buffer is refused before being turned into text. */
function parseStored(stored: StringValue): LongDouble | typeof INFINITE | null {
  if (typeof stored === 'string') return parseLongDouble(stored);
  return stored.length >= MAX_LONG_DOUBLE_CHARS ? null : parseLongDouble(stored.toString('latin1'));
}
