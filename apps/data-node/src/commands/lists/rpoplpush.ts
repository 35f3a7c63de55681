// RPOPLPUSH source destination: LMOVE source destination RIGHT LEFT (deprecated since 6.2, still served).
import type { CommandSpec } from '../command-spec.js';
import { ListEnd } from './list-end.js';
import { moveCommand } from './move-element.js';

export const rpoplpush = {
  name: 'rpoplpush',
  arity: 3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'list', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary:
      'Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped.',
    since: '1.2.0',
    group: 'list',
    complexity: 'O(1)',
  },
  handler(ctx) {
    moveCommand(ctx, ListEnd.right, ListEnd.left);
  },
} satisfies CommandSpec;
