// HINCRBYFLOAT key field increment (redis 7.0 src/t_hash.c hincrbyfloatCommand): adds a float to the field (a
// missing field counts as 0) with x87 long double arithmetic, stores and replies "%.17Lf" with trailing zeros
// trimmed (1234.5678 -> "1234.56779999999999997", 0.1 + 0.2 -> "0.3", no exponent; see
// ../strings/long-double.ts). Order as Redis: the increment ("not a valid float", then "value is NaN or
// Infinity"), WRONGTYPE, the stored value ("hash value is not a float"), then an infinite result.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { HashValue } from '../../keyspace/hash-value.js';
import {
  addLongDouble,
  formatLongDouble,
  INFINITE,
  MAX_LONG_DOUBLE_CHARS,
  parseLongDouble,
  type LongDouble,
} from '../strings/long-double.js';
import { hashChanged, writeHash, WRONG_TYPE } from './hash-lookup.js';

const ZERO: LongDouble = { negative: false, mantissa: 0n, exponent: 0 };

/**
 * string2ld (redis src/util.c) hands a NUL-terminated copy to strtold, so bytes from the first NUL on are
 * ignored ("1\0x" reads as 1, "\0" as 0).
 */
function parseArgument(text: string): LongDouble | typeof INFINITE | null {
  const nul = text.indexOf('\0');
  if (nul === -1) return parseLongDouble(text);
  if (text.length >= MAX_LONG_DOUBLE_CHARS) return null;
  return nul === 0 ? ZERO : parseLongDouble(text.slice(0, nul));
}

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
    const increment = parseArgument(ctx.arg(3));
    if (increment === null) return ctx.error(Err.notFloat);
    if (increment === INFINITE) return ctx.error(Err.valueNanOrInfinity);
    const key = ctx.arg(1);
    const found = writeHash(ctx, key);
    if (found === WRONG_TYPE) return;
    const field = ctx.arg(2);
    const stored = found?.get(field);
    const current = stored === undefined ? ZERO : parseArgument(stored);
    if (current === null) return ctx.error(Err.hashValueNotFloat);
    const sum = current === INFINITE ? null : addLongDouble(current, increment);
    if (sum === null) return ctx.error(Err.nanOrInfinity);
    const text = formatLongDouble(sum);
    const hash = found ?? new HashValue();
    hash.set(field, text);
    hashChanged(ctx, key, found, hash);
    ctx.reply.bulk(text);
  },
} satisfies CommandSpec;
