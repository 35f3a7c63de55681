// DUMP key: the value serialized for RESTORE (keyspace/dump-payload.ts: tessera's own body with Redis's
// version + CRC-64 trailer); nil when the key is missing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { encodeDumpPayload } from '../../keyspace/dump-payload.js';

export const dump = {
  name: 'dump',
  arity: 2,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Return a serialized version of the value stored at the specified key.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to access the key and additional O(N*M) to serialize it.',
  },
  handler(ctx) {
    const value = ctx.db.lookupRead(ctx.arg(1));
    if (value === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(encodeDumpPayload(value));
  },
} satisfies CommandSpec;
