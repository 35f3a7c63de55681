// KEYS pattern: every key matching the glob pattern (util/glob-match.ts, Redis's stringmatchlen), skipping
// keys whose TTL has passed without deleting them (redis 7.0 src/db.c keysCommand). A bare `*` matches
// every key, the empty key included.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { globMatch } from '../../util/glob-match.js';

export const keys = {
  name: 'keys',
  arity: 2,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Find all keys matching the given pattern',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) with N being the number of keys in the database',
  },
  handler(ctx) {
    const pattern = ctx.arg(1);
    const all = pattern === '*';
    const db = ctx.db;
    const found: string[] = [];
    for (const key of db.allKeys()) {
      if ((all || globMatch(pattern, key)) && !db.isExpired(key)) found.push(key);
    }
    ctx.reply.arrayHeader(found.length);
    for (const key of found) ctx.reply.bulk(key);
  },
} satisfies CommandSpec;
