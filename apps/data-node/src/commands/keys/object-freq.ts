// OBJECT FREQ key: the logarithmic access frequency counter (0..255) under an LFU maxmemory-policy; other
// policies track no frequency and answer Redis's error. nil when the key is missing (checked first).
import type { CommandSpec } from '../command-spec.js';
import { AccessMode, accessModeFor } from '../../keyspace/access-clock.js';
import { OBJECT_KEY, objectLookup } from './object-lookup.js';

export const objectFreq = {
  name: 'freq',
  arity: 3,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: OBJECT_KEY,
  docs: {
    summary: 'Get the logarithmic access frequency counter of a Redis object',
    since: '4.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (objectLookup(ctx) === undefined) return;
    if (accessModeFor(ctx.server.config.get('maxmemory-policy')) !== AccessMode.lfu) {
      ctx.error(
        'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when ' +
          'switching between policies at runtime LRU and LFU data will take some time to adjust.',
      );
      return;
    }
    const db = ctx.db;
    db.setAccessMode(AccessMode.lfu); // no-op when the eviction guard already follows the policy
    ctx.reply.integer((db.accessClock as NonNullable<typeof db.accessClock>).frequency(ctx.arg(2)));
  },
} satisfies CommandSpec;
