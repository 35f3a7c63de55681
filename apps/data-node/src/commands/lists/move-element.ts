// LMOVE, RPOPLPUSH and the served path of BLMOVE/BRPOPLPUSH share this (redis src/t_list.c
// lmoveGenericCommand): pop from one end of source, push to one end of destination (the same key rotates
// the list), reply with the element. A missing source answers nil before the destination's type is checked.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { type ListEnd, parseListEnd, popEnd, pushEnd } from './list-end.js';
import { listShrunk, WRONG_TYPE, writeList } from './list-lookup.js';

/** Every (from, to) pair, indexed by `from * 2 + to`, so parsing the ends allocates nothing. */
const END_PAIRS: readonly (readonly [ListEnd, ListEnd])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** LMOVE's and BLMOVE's LEFT|RIGHT pair at argv[3], argv[4] (checked before the keys); null after replying. */
export function parseMoveEnds(ctx: CommandContext): readonly [ListEnd, ListEnd] | null {
  const from = parseListEnd(ctx.arg(3));
  const to = parseListEnd(ctx.arg(4));
  if (from === null || to === null) {
    ctx.error(Err.syntax);
    return null;
  }
  return END_PAIRS[from * 2 + to] as readonly [ListEnd, ListEnd];
}

/** LMOVE and RPOPLPUSH: moves from the list at argv[1] to the one at argv[2]; nil when the source is missing. */
export function moveCommand(ctx: CommandContext, from: ListEnd, to: ListEnd): void {
  const sourceKey = ctx.arg(1);
  const source = writeList(ctx, sourceKey);
  if (source === WRONG_TYPE) return;
  if (source === undefined) ctx.reply.nullBulk();
  else moveElement(ctx, sourceKey, source, from, to);
}

/** Moves one element from the non-empty list `source` at `sourceKey` (argv[1]) to the list at argv[2]. */
export function moveElement(
  ctx: CommandContext,
  sourceKey: string,
  source: ListValue,
  from: ListEnd,
  to: ListEnd,
): void {
  const destinationKey = ctx.arg(2);
  const found = writeList(ctx, destinationKey);
  if (found === WRONG_TYPE) return;
  const element = popEnd(source, from) as string;
  const destination = found ?? new ListValue();
  pushEnd(destination, to, element);
  if (found === undefined) ctx.db.add(destinationKey, destination);
  else ctx.db.modified(destinationKey, destination);
  if (destination !== source) listShrunk(ctx, sourceKey, source);
  ctx.reply.bulk(element);
}
