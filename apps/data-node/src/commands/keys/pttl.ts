// PTTL key: the remaining time to live in ms; -1 without TTL, -2 when the key does not exist (see ttl-generic.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ttlCommand } from './ttl-generic.js';

export const pttl = {
  name: 'pttl',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the time to live for a key in milliseconds',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ttlCommand(ctx, true, false);
  },
} satisfies CommandSpec;
