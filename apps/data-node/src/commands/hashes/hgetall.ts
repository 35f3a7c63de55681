// HGETALL key: every field and value, as a RESP3 map (a flat array in RESP2).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { EntryPart, replyEntries } from './hash-entries.js';

export const hgetall = {
  name: 'hgetall',
  arity: 2,
  flags: ['readonly'],
  categories: ['read', 'hash', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get all the fields and values in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the size of the hash.',
  },
  handler(ctx) {
    replyEntries(ctx, EntryPart.both);
  },
} satisfies CommandSpec;
