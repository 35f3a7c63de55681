// OBJECT ENCODING key: Redis's internal representation name for the same content (int, embstr, raw for
// strings; listpack, quicklist, intset, hashtable, skiplist for collections, decided by the value class from
// the *-max-listpack-* thresholds of the configuration); nil when the key is missing.
import type { CommandSpec } from '../command-spec.js';
import { OBJECT_KEY, objectLookup } from './object-lookup.js';
import { valueEncoding } from './value-encoding.js';

export const objectEncoding = {
  name: 'encoding',
  arity: 3,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: OBJECT_KEY,
  docs: {
    summary: 'Inspect the internal encoding of a Redis object',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const value = objectLookup(ctx);
    if (value === undefined) return;
    ctx.reply.bulk(valueEncoding(value, ctx.server.config));
  },
} satisfies CommandSpec;
