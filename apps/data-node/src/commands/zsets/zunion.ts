// ZUNION numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]: the union of sorted sets
// (and sets, score 1), by score.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { SetOperation, SetOutput, setOperation } from './set-operation.js';

export const zunion = {
  name: 'zunion',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Add multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity:
      'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
  },
  handler(ctx) {
    setOperation(ctx, 1, SetOperation.union, SetOutput.reply);
  },
} satisfies CommandSpec;
