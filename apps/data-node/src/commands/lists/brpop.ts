// BRPOP key [key ...] timeout: pops the tail of the first non-empty list, replying [key, element]; blocks
// while all are empty, up to timeout seconds (0 = forever). The timeout is parsed before any key is read.
import type { CommandSpec } from '../command-spec.js';
import { blockingPop } from './blocking-pop.js';
import { ListEnd } from './list-end.js';

export const brpop = {
  name: 'brpop',
  arity: -3,
  flags: ['write', 'noscript', 'blocking'],
  categories: ['write', 'list', 'slow', 'blocking'],
  keys: { first: 1, last: -2, step: 1 },
  docs: {
    summary:
      'Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.',
    since: '2.0.0',
    group: 'list',
    complexity: 'O(N) where N is the number of provided keys.',
  },
  handler(ctx) {
    blockingPop(ctx, ListEnd.right);
  },
} satisfies CommandSpec;
