// EXPIRE key seconds [NX|XX|GT|LT]: sets the key's time to live in seconds (see expire-generic.ts); 1 when set
// (or the key deleted because the time is already past), 0 when the key is missing or a condition failed.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { expireCommand } from './expire-generic.js';

export const expire = {
  name: 'expire',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['keyspace', 'write', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: "Set a key's time to live in seconds",
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    expireCommand(ctx, 1000, true, 'expire');
  },
} satisfies CommandSpec;
