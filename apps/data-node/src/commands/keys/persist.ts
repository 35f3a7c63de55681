// PERSIST key: removes the TTL; 1 when there was one, 0 when the key is missing or has none.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';

export const persist = {
  name: 'persist',
  arity: 2,
  flags: ['write', 'fast'],
  categories: ['keyspace', 'write', 'fast'],
  keys: FIRST_KEY,
  docs: { summary: 'Remove the expiration from a key', since: '2.2.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx) {
    const key = ctx.arg(1);
    ctx.reply.integer(ctx.db.lookupWrite(key) !== undefined && ctx.db.persist(key) ? 1 : 0);
  },
} satisfies CommandSpec;
