// DECR key: subtracts 1 from the integer value (a missing key counts as 0) and replies with the result.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { incrementBy } from './incr-decr.js';

export const decr = {
  name: 'decr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Decrement the integer value of a key by one',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    incrementBy(ctx, -1);
  },
} satisfies CommandSpec;
