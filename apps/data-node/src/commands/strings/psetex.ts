// PSETEX key milliseconds value: SET with an expire time in milliseconds.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { setWithExpire } from './set-with-expire.js';

export const psetex = {
  name: 'psetex',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the value and expiration in milliseconds of a key',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    setWithExpire(ctx, 'PX', 'psetex');
  },
} satisfies CommandSpec;
