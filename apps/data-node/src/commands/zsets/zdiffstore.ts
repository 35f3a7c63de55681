// ZDIFFSTORE dst numkeys key [key ...]: stores the difference at dst (deleting dst when empty) and replies
// with its size.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zdiffstore = {
  name: 'zdiffstore',
  arity: -4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  getKeys: numkeysKeys(2, true),
  docs: {
    summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key',
    since: '6.2.0',
    group: 'sorted-set',
    complexity:
      'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
  },
  handler(ctx) {
    setOperation(ctx, 2, SetOperation.diff, SetOutput.store);
  },
} satisfies CommandSpec;
