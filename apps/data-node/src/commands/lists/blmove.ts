// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout: LMOVE that blocks while source is empty. The
// ends are checked before the timeout; the element pushed to destination may in turn wake its waiters.
import type { CommandSpec } from '../command-spec.js';
import { blockingMove } from './blocking-move.js';
import { parseMoveEnds } from './move-element.js';

export const blmove = {
  name: 'blmove',
  arity: 6,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  categories: ['write', 'list', 'slow', 'blocking'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary:
      'Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved.',
    since: '6.2.0',
    group: 'list',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const ends = parseMoveEnds(ctx);
    if (ends !== null) blockingMove(ctx, ends[0], ends[1], 5);
  },
} satisfies CommandSpec;
