// RPUSHX key element [element ...]: like RPUSH but only when the list exists (0 otherwise).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ListEnd } from './list-end.js';
import { pushElements } from './push-elements.js';

export const rpushx = {
  name: 'rpushx',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'list', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Appends an element to a list only when the list exists.',
    since: '2.2.0',
    group: 'list',
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
  },
  handler(ctx) {
    pushElements(ctx, ListEnd.right, true);
  },
} satisfies CommandSpec;
