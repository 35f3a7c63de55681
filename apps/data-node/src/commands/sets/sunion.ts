// SUNION key [key ...]: the members of any set, as a RESP3 set (missing keys are empty sets).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { union, replySetOperation } from './set-algebra.js';

export const sunion = {
  name: 'sunion',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Add multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
  },
  handler(ctx) {
    replySetOperation(ctx, union);
  },
} satisfies CommandSpec;
