// LMOVE, RPOPLPUSH and the served path of BLMOVE/BRPOPLPUSH share this (redis src/t_list.c
// lmoveGenericCommand): pop from one end of source, push to one end of destination (the same key rotates
// the list), reply with the element. A missing source answers nil before the destination's type is checked.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { type ListEnd, popEnd, pushEnd } from './list-end.js';
import { listShrunk } from './list-lookup.js';

/** Moves one element from the non-empty list `source` at argv[1] to the list at argv[2]. */
export function moveElement(ctx: CommandContext, source: ListValue, from: ListEnd, to: ListEnd): void {
  const sourceKey = ctx.arg(1);
  const destinationKey = ctx.arg(2);
  const found = ctx.db.lookupWrite(destinationKey);
  if (found !== undefined && !(found instanceof ListValue)) {
    ctx.error(Err.wrongType);
    return;
  }
  const element = popEnd(source, from) as string;
  const destination = found ?? new ListValue();
  pushEnd(destination, to, element);
  if (found === undefined) ctx.db.add(destinationKey, destination);
  else ctx.db.modified(destinationKey, destination);
  if (destination !== source) listShrunk(ctx, sourceKey, source);
  ctx.reply.bulk(element);
}
