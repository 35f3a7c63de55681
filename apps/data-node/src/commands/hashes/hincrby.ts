// HINCRBY key field increment (redis 7.0 src/t_hash.c hincrbyCommand): adds an int64 to the field (a missing
// field counts as 0) and replies with the result. Order as Redis: the increment ("not an integer"), WRONGTYPE,
// the stored value ("hash value is not an integer"), then overflow. Exact beyond 2^53 through bigint.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { HashValue } from '../../keyspace/hash-value.js';
import { INT64_MAX, INT64_MIN, parseInt64 } from '../../util/int64.js';
import { hashChanged, writeHash, WRONG_TYPE } from './hash-lookup.js';

export const hincrby = {
  name: 'hincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Increment the integer value of a hash field by the given number',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const incrementText = ctx.arg(3);
    const increment = parseInt64(incrementText);
    if (increment === null) return ctx.error(Err.notInteger);
    const key = ctx.arg(1);
    const found = writeHash(ctx, key);
    if (found === WRONG_TYPE) return;
    const field = ctx.arg(2);
    const currentText = found?.get(field) ?? '0';
    const current = parseInt64(currentText);
    if (current === null) return ctx.error(Err.hashValueNotInteger);
    let result: number | bigint = current + increment;
    if (!Number.isSafeInteger(current) || !Number.isSafeInteger(increment) || !Number.isSafeInteger(result)) {
      result = BigInt(currentText) + BigInt(incrementText);
      if (result > INT64_MAX || result < INT64_MIN) return ctx.error(Err.overflow);
    }
    const hash = found ?? new HashValue();
    hash.set(field, String(result));
    hashChanged(ctx, key, found, hash);
    ctx.reply.integer(result);
  },
} satisfies CommandSpec;
