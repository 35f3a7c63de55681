// LMOVE source destination LEFT|RIGHT LEFT|RIGHT: atomically pops from source and pushes to destination,
// replying with the element, or nil when source is missing. The ends are checked before the keys.
import type { CommandSpec } from '../command-spec.js';
import { moveCommand, parseMoveEnds } from './move-element.js';

export const lmove = {
  name: 'lmove',
  arity: 5,
  flags: ['write', 'denyoom'],
  categories: ['write', 'list', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary:
      'Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved.',
    since: '6.2.0',
    group: 'list',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const ends = parseMoveEnds(ctx);
    if (ends !== null) moveCommand(ctx, ends[0], ends[1]);
  },
} satisfies CommandSpec;
