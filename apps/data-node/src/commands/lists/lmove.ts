// LMOVE source destination LEFT|RIGHT LEFT|RIGHT: atomically pops from source and pushes to destination,
// replying with the element, or nil when source is missing. The ends are checked before the keys.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { parseListEnd } from './list-end.js';
import { WRONG_TYPE, writeList } from './list-lookup.js';
import { moveElement } from './move-element.js';

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
    const from = parseListEnd(ctx.arg(3));
    const to = parseListEnd(ctx.arg(4));
    if (from === null || to === null) {
      ctx.error(Err.syntax);
      return;
    }
    const source = writeList(ctx, ctx.arg(1));
    if (source === WRONG_TYPE) return;
    if (source === undefined) ctx.reply.nullBulk();
    else moveElement(ctx, source, from, to);
  },
} satisfies CommandSpec;
