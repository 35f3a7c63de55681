// LPOP and RPOP share this (redis src/t_list.c popGenericCommand): pop one element (a bulk reply) or up to
// `count` of them (an array), deleting the key once empty; LMPOP and the blocking pops reuse
// `popFirstNonEmpty`.
import type { CommandContext } from '../command-context.js';
import { firstNonEmpty } from '../first-non-empty.js';
import { Err } from '../reply-errors.js';
import type { ListValue } from '../../keyspace/list-value.js';
import { parseInt64 } from '../../util/int64.js';
import { ListEnd, popEnd } from './list-end.js';
import { isList, listShrunk, WRONG_TYPE, writeList } from './list-lookup.js';

export function popElements(ctx: CommandContext, end: ListEnd): void {
  if (ctx.argc > 3) {
    ctx.error(Err.wrongArity(ctx.spec.name));
    return;
  }
  const hasCount = ctx.argc === 3;
  let count = 1;
  if (hasCount) {
    const parsed = parseInt64(ctx.arg(2));
    if (parsed === null || parsed < 0) {
      ctx.error(Err.notPositive);
      return;
    }
    count = parsed;
  }
  const key = ctx.arg(1);
  const list = writeList(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    if (hasCount) ctx.reply.nullArray();
    else ctx.reply.nullBulk();
    return;
  }
  if (!hasCount) {
    ctx.reply.bulk(popEnd(list, end) as string);
    listShrunk(ctx, key, list);
    return;
  }
  if (count === 0) {
    ctx.reply.arrayHeader(0);
    return;
  }
  replyPopped(ctx, key, list, end, count);
}

/** BLPOP's reply form: [key, element] rather than LMPOP's [key, [elements...]]. */
export const SINGLE = -1;

/**
 * Pops from the first non-empty list among the `numKeys` keys from argv[firstKey] (../first-non-empty.ts),
 * replying [key, element] (`count` SINGLE) or [key, [up to count elements]]; a key of another type replies
 * WRONGTYPE. Returns false, having written nothing, when every list is empty (or, after a wake-up, the key
 * that woke the command holds another type).
 */
export function popFirstNonEmpty(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  end: ListEnd,
  count: number,
): boolean {
  const found = firstNonEmpty(ctx, firstKey, numKeys, isList);
  if (found === null) return false;
  if (found === WRONG_TYPE) return true;
  const { key, value } = found;
  // Replicas pop from the key served here (redis 7.0 rewrites BLPOP, BLMPOP and LMPOP this way).
  if (ctx.propagating) {
    const pop = end === ListEnd.left ? 'LPOP' : 'RPOP';
    ctx.propagateAs(count === SINGLE ? [pop, key] : [pop, key, String(count)]);
  }
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(key);
  if (count === SINGLE) {
    ctx.reply.bulk(popEnd(value, end) as string);
    listShrunk(ctx, key, value);
  } else {
    replyPopped(ctx, key, value, end, count);
  }
  return true;
}

/** Pops up to `count` (>= 1) elements from `end` of the non-empty `list` at `key` as an array reply. */
function replyPopped(ctx: CommandContext, key: string, list: ListValue, end: ListEnd, count: number): void {
  const n = Math.min(count, list.size);
  ctx.reply.arrayHeader(n);
  for (let i = 0; i < n; i++) ctx.reply.bulk(popEnd(list, end) as string);
  listShrunk(ctx, key, list);
}
