// SDIFF key [key ...]: the members of the first set that no other set has, as a RESP3 set.
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { difference, replySetOperation } from './set-algebra.js';

export const sdiff = {
  name: 'sdiff',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Subtract multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
  },
  handler(ctx) {
    replySetOperation(ctx, difference);
  },
} satisfies CommandSpec;
