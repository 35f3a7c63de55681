// ZUNIONSTORE dst numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]: stores the union at dst
// (deleting dst when empty) and replies with its size.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zunionstore = {
  name: 'zunionstore',
  arity: -4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'sortedset', 'slow'],
  keys: { first: 1, last: 1, step: 1 },
  getKeys: numkeysKeys(2, true),
  docs: {
    summary: 'Add multiple sorted sets and store the resulting sorted set in a new key',
    since: '2.0.0',
    group: 'sorted-set',
    complexity:
      'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
  },
  handler(ctx) {
    setOperation(ctx, 2, SetOperation.union, SetOutput.store);
  },
} satisfies CommandSpec;
