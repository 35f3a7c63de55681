// EXPIRETIME key: the absolute expiry as a unix time in seconds; -1 without TTL, -2 when the key does not exist (see ttl-generic.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ttlCommand } from './ttl-generic.js';

export const expiretime = {
  name: 'expiretime',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['keyspace', 'read', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the expiration Unix timestamp for a key',
    since: '7.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ttlCommand(ctx, false, true);
  },
} satisfies CommandSpec;
