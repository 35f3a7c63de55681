// HVALS key: every value, as an array.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { EntryPart, replyEntries } from './hash-entries.js';

export const hvals = {
  name: 'hvals',
  arity: 2,
  flags: ['readonly'],
  categories: ['read', 'hash', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get all the values in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the size of the hash.',
  },
  handler(ctx) {
    replyEntries(ctx, EntryPart.values);
  },
} satisfies CommandSpec;
