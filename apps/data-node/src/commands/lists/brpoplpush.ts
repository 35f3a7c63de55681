// BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout (deprecated since
// 6.2, still served).
import type { CommandSpec } from '../command-spec.js';
import { blockingMove } from './blocking-move.js';
import { ListEnd } from './list-end.js';

export const brpoplpush = {
  name: 'brpoplpush',
  arity: 4,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  categories: ['write', 'list', 'slow', 'blocking'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary:
      'Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped.',
    since: '2.2.0',
    group: 'list',
    complexity: 'O(1)',
  },
  handler(ctx) {
    blockingMove(ctx, ListEnd.right, ListEnd.left, 3);
  },
} satisfies CommandSpec;
