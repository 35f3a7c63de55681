// TTL key: the remaining time to live in seconds; -1 without TTL, -2 when the key does not exist (see ttl-generic.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ttlCommand } from './ttl-generic.js';

export const ttl = {
  name: 'ttl',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the time to live for a key in seconds',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ttlCommand(ctx, false, false);
  },
} satisfies CommandSpec;
