// RENAME key newkey: moves the value and its TTL to newkey, replacing it (see rename-generic.ts).
import type { CommandSpec } from '../command-spec.js';
import { renameCommand } from './rename-generic.js';

export const rename = {
  name: 'rename',
  arity: 3,
  flags: ['write'],
  categories: ['keyspace', 'write', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: { summary: 'Rename a key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx) {
    renameCommand(ctx, false);
  },
} satisfies CommandSpec;
