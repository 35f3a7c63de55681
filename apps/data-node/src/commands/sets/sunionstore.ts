// SUNIONSTORE destination key [key ...]: stores the union at destination (replacing any value; an empty
// result deletes it) and replies with its size.
import { type CommandSpec } from '../command-spec.js';
import { union, storeSetOperation } from './set-algebra.js';

export const sunionstore = {
  name: 'sunionstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'set', 'slow'],
  keys: { first: 1, last: -1, step: 1 },
  docs: {
    summary: 'Add multiple sets and store the resulting set in a key',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
  },
  handler(ctx) {
    storeSetOperation(ctx, union);
  },
} satisfies CommandSpec;
