// SETEX key seconds value: SET with an expire time in seconds.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { setWithExpire } from './set-with-expire.js';

export const setex = {
  name: 'setex',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the value and expiration of a key',
    since: '2.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    setWithExpire(ctx, 'EX', 'setex');
  },
} satisfies CommandSpec;
