// HINCRBYFLOAT key field increment (redis 7.0 src/t_hash.c hincrbyfloatCommand): adds a float to the field (a
// missing field counts as 0) with x87 long double arithmetic, stores and replies "%.17Lf" with trailing zeros
// trimmed (1234.5678 -> "1234.56779999999999997", 0.1 + 0.2 -> "0.3", no exponent; see
// ../../util/long-double.ts). Order as Redis: the increment ("not a valid float", then "value is NaN or
// Infinity"), WRONGTYPE, the stored value ("hash value is not a float"), then an infinite result.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { HashValue } from '../../keyspace/hash-value.js';
import { incrementLongDouble, INFINITE, parseLongDouble, ZERO } from '../../util/long-double.js';
import { hashChanged, writeHash, WRONG_TYPE } from './hash-lookup.js';

export const hincrbyfloat = {
  name: 'hincrbyfloat',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Increment the float value of a hash field by the given amount',
    since: '2.6.0',
    group: 'hash',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const increment = parseLongDouble(ctx.arg(3));
    if (increment === null) return ctx.error(Err.notFloat);
    if (increment === INFINITE) return ctx.error(Err.valueNanOrInfinity);
    const key = ctx.arg(1);
    const found = writeHash(ctx, key);
    if (found === WRONG_TYPE) return;
    const field = ctx.arg(2);
    const stored = found?.get(field);
    const current = stored === undefined ? ZERO : parseLongDouble(stored);
    if (current === null) return ctx.error(Err.hashValueNotFloat);
    const text = incrementLongDouble(current, increment);
    if (text === null) return ctx.error(Err.nanOrInfinity);
    const hash = found ?? new HashValue();
    hash.set(field, text);
    hashChanged(ctx, key, found, hash);
    ctx.reply.bulk(text);
  },
} satisfies CommandSpec;
