// RPOP key [count]: removes and returns the tail element, or up to count elements as an array.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ListEnd } from './list-end.js';
import { popElements } from './pop-elements.js';

export const rpop = {
  name: 'rpop',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['write', 'list', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary:
      'Returns and removes the last elements of the list. Deletes the list if the last element was popped.',
    since: '1.0.0',
    group: 'list',
    complexity: 'O(N) where N is the number of elements returned',
  },
  handler(ctx) {
    popElements(ctx, ListEnd.right);
  },
} satisfies CommandSpec;
