// INCRBY key increment: adds an int64 to the integer value. The increment is checked before the key.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { incrementBy, parseIncrement } from './incr-decr.js';

export const incrby = {
  name: 'incrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Increment the integer value of a key by the given amount',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const increment = parseIncrement(ctx.arg(2));
    if (increment === null) ctx.error(Err.notInteger);
    else incrementBy(ctx, increment);
  },
} satisfies CommandSpec;
