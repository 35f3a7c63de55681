// HMSET key field value [field value ...]: HSET that replies OK (deprecated since Redis 4.0, still served).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { setPairs } from './set-pairs.js';

export const hmset = {
  name: 'hmset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set multiple hash fields to multiple values',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields being set.',
  },
  handler(ctx) {
    if (setPairs(ctx, 'hmset') !== null) ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
