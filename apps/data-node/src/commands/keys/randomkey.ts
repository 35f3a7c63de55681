// RANDOMKEY: a random key, or nil when the keyspace is empty. An expired key drawn is deleted and another
// drawn (redis src/db.c dbRandomKey); on a replica, which does not delete expired keys, it is returned after
// 100 draws so the loop always ends.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

const MAX_DRAWS = 100;

export const randomkey = {
  name: 'randomkey',
  arity: 1,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Return a random key from the keyspace',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const db = ctx.db;
    for (let draws = 1; ; draws++) {
      const key = db.randomKey();
      if (key === undefined) {
        ctx.reply.nullBulk();
        return;
      }
      if (!db.expireIfNeeded(key) || (!db.deleteExpired && draws >= MAX_DRAWS)) {
        ctx.reply.bulk(key);
        return;
      }
    }
  },
} satisfies CommandSpec;
