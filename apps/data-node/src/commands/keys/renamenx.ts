// RENAMENX key newkey: RENAME only when newkey does not exist; 1 when renamed, else 0.
import type { CommandSpec } from '../command-spec.js';
import { renameCommand } from './rename-generic.js';

export const renamenx = {
  name: 'renamenx',
  arity: 3,
  flags: ['write', 'fast'],
  categories: ['keyspace', 'write', 'fast'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary: 'Rename a key, only if the new key does not exist',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx) {
    renameCommand(ctx, true);
  },
} satisfies CommandSpec;
