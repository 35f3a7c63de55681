// HSET key field value [field value ...]: sets the fields, creating the hash; replies with how many were new.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { setPairs } from './set-pairs.js';

export const hset = {
  name: 'hset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the string value of a hash field',
    since: '2.0.0',
    group: 'hash',
    complexity:
      'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
  },
  handler(ctx) {
    const created = setPairs(ctx, 'hset');
    if (created !== null) ctx.reply.integer(created);
  },
} satisfies CommandSpec;
