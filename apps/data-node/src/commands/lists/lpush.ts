// LPUSH key element [element ...]: pushes each element in turn to the head, creating the list; replies with its length.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { ListEnd } from './list-end.js';
import { pushElements } from './push-elements.js';

export const lpush = {
  name: 'lpush',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'list', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: "Prepends one or more elements to a list. Creates the key if it doesn't exist.",
    since: '1.0.0',
    group: 'list',
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
  },
  handler(ctx) {
    pushElements(ctx, ListEnd.left, false);
  },
} satisfies CommandSpec;
