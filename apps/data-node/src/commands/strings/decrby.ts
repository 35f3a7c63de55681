// DECRBY key decrement: subtracts an int64 from the integer value. -9223372036854775808 cannot be negated
// ("decrement would overflow", Redis 7.0 decrbyCommand).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { INT64_MIN } from '../../util/int64.js';
import { incrementBy, parseIncrement } from './incr-decr.js';

export const decrby = {
  name: 'decrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Decrement the integer value of a key by the given number',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const decrement = parseIncrement(ctx.arg(2));
    if (decrement === null) ctx.error(Err.notInteger);
    else if (decrement === INT64_MIN) ctx.error('ERR decrement would overflow');
    else incrementBy(ctx, -decrement);
  },
} satisfies CommandSpec;
