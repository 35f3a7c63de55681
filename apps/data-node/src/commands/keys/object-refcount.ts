// OBJECT REFCOUNT key: 1, or INT_MAX for the small integers Redis shares (see string-encoding.ts); nil when
// the key is missing. Values are never shared here, so this only mirrors what redis-server would answer.
import type { CommandSpec } from '../command-spec.js';
import { isCollection } from '../../keyspace/values.js';
import { accessModeFor } from '../../keyspace/access-clock.js';
import { OBJECT_KEY, objectLookup } from './object-lookup.js';
import { stringRefcount } from './string-encoding.js';

export const objectRefcount = {
  name: 'refcount',
  arity: 3,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: OBJECT_KEY,
  docs: {
    summary: 'Get the number of references to the value of the key',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const value = objectLookup(ctx);
    if (value === undefined) return;
    if (isCollection(value)) {
      ctx.reply.integer(1);
      return;
    }
    const config = ctx.server.config;
    const sharing =
      config.getNumber('maxmemory') === 0 || accessModeFor(config.get('maxmemory-policy')) === 'off';
    ctx.reply.integer(stringRefcount(value, sharing));
  },
} satisfies CommandSpec;
