// BLPOP, BRPOP and BLMPOP share this (redis src/t_list.c blockingPopGenericCommand): pop from the first
// non-empty list among the keys, else block on all of them. A re-run after a wake-up serves only from the
// key that woke it, and keeps waiting if that key now holds another type (Redis 7.0 serves lists only).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { type ListEnd, popEnd } from './list-end.js';
import { listShrunk } from './list-lookup.js';
import { replyPopped } from './pop-elements.js';

/** BLPOP's reply form: [key, element] rather than BLMPOP's [key, [elements...]]. */
export const SINGLE = -1;

/**
 * Serves or blocks for the `numKeys` keys from argv[firstKey]: with `count` SINGLE replies [key, element],
 * otherwise [key, [up to count elements]]. The timeout reply, also given inside MULTI, is a null array.
 */
export function popOrBlock(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  end: ListEnd,
  count: number,
  timeoutMs: number,
): void {
  const woken = ctx.wokenBy;
  const lastKey = firstKey + numKeys;
  for (let i = firstKey; i < lastKey; i++) {
    const key = ctx.arg(i);
    if (woken !== null && key !== woken) continue;
    const value = ctx.db.lookupWrite(key);
    if (value === undefined) continue;
    if (!(value instanceof ListValue)) {
      if (woken !== null) break;
      ctx.error(Err.wrongType);
      return;
    }
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk(key);
    if (count !== SINGLE) {
      replyPopped(ctx, key, value, end, count);
      return;
    }
    ctx.reply.bulk(popEnd(value, end) as string);
    listShrunk(ctx, key, value);
    return;
  }
  const keys: string[] = [];
  for (let i = firstKey; i < lastKey; i++) keys.push(ctx.arg(i));
  ctx.block({ keys, timeoutMs });
}
