// OBJECT IDLETIME key: seconds since the key was last accessed; an error under an LFU policy (Redis keeps
// one or the other). nil when the key is missing (checked first). Access times are only recorded while an
// LRU policy is active, so the first IDLETIME under another policy starts recording: keys not accessed
// since then report the time since that moment (a lower bound of their true idle time).
import type { CommandSpec } from '../command-spec.js';
import { AccessMode, accessModeFor } from '../../keyspace/access-clock.js';
import { OBJECT_KEY, objectLookup } from './object-lookup.js';

export const objectIdletime = {
  name: 'idletime',
  arity: 3,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: OBJECT_KEY,
  docs: {
    summary: 'Get the time since a Redis object was last accessed',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (objectLookup(ctx) === undefined) return;
    if (accessModeFor(ctx.server.config.get('maxmemory-policy')) === AccessMode.lfu) {
      ctx.error(
        'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching ' +
          'between policies at runtime LRU and LFU data will take some time to adjust.',
      );
      return;
    }
    const db = ctx.db;
    db.setAccessMode(AccessMode.lru);
    const idleMs = (db.accessClock as NonNullable<typeof db.accessClock>).idleMs(ctx.arg(2));
    ctx.reply.integer(Math.floor(idleMs / 1000));
  },
} satisfies CommandSpec;
