// ZINTER numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]: the members in every
// input, with aggregated scores.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zinter = {
  name: 'zinter',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Intersect multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity:
      'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
  },
  handler(ctx) {
    setOperation(ctx, 1, SetOperation.inter, SetOutput.reply);
  },
} satisfies CommandSpec;
