// ZINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, counting no further than
// limit (0 = all).
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zintercard = {
  name: 'zintercard',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Intersect multiple sorted sets and return the cardinality of the result',
    since: '7.0.0',
    group: 'sorted-set',
    complexity:
      'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
  },
  handler(ctx) {
    setOperation(ctx, 1, SetOperation.inter, SetOutput.cardinality);
  },
} satisfies CommandSpec;
