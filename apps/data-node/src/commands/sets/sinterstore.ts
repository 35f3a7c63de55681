// SINTERSTORE destination key [key ...]: stores the intersection at destination (replacing any value; an
// empty result deletes it) and replies with its size.
import { type CommandSpec } from '../command-spec.js';
import { intersection, storeSetOperation } from './set-algebra.js';

export const sinterstore = {
  name: 'sinterstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'set', 'slow'],
  keys: { first: 1, last: -1, step: 1 },
  docs: {
    summary: 'Intersect multiple sets and store the resulting set in a key',
    since: '1.0.0',
    group: 'set',
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
  },
  handler(ctx) {
    storeSetOperation(ctx, intersection);
  },
} satisfies CommandSpec;
