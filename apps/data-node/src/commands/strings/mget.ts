// MGET key [key ...]: the value of each key, nil for missing keys and keys of another type.
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { isCollection } from '../../keyspace/values.js';

export const mget = {
  name: 'mget',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'string', 'fast'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Get the values of all the given keys',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to retrieve.',
  },
  handler(ctx) {
    const w = ctx.reply;
    w.arrayHeader(ctx.argc - 1);
    for (let i = 1; i < ctx.argc; i++) {
      const value = ctx.db.lookupRead(ctx.arg(i));
      if (value === undefined || isCollection(value)) w.nullBulk();
      else w.bulk(value);
    }
  },
} satisfies CommandSpec;
