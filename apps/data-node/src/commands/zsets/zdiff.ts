// ZDIFF numkeys key [key ...] [WITHSCORES]: the members of the first input that are in no other, with their
// scores.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zdiff = {
  name: 'zdiff',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Subtract multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity:
      'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
  },
  handler(ctx) {
    setOperation(ctx, 1, SetOperation.diff, SetOutput.reply);
  },
} satisfies CommandSpec;
