// LPOP and RPOP share this (redis src/t_list.c popGenericCommand): pop one element (a bulk reply) or up to
// `count` of them (an array), deleting the key once empty; LMPOP and the blocking pops reuse
// `popFirstNonEmpty`.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { parseInt64 } from '../../util/int64.js';
import { ListEnd, popEnd } from './list-end.js';
import { listShrunk, WRONG_TYPE, writeList } from './list-lookup.js';

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
 * Pops from the first non-empty list among the `numKeys` keys from argv[firstKey], replying [key, element]
 * (`count` SINGLE) or [key, [up to count elements]]; a key of another type replies WRONGTYPE. Returns false,
 * having written nothing, when every list is empty. A blocked command re-run after a wake-up looks at the
 * key that woke it only, and a wrong type there counts as empty (it keeps waiting).
 */
export function popFirstNonEmpty(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  end: ListEnd,
  count: number,
): boolean {
  const woken = ctx.wokenBy;
  const lastKey = firstKey + numKeys;
  for (let i = firstKey; i < lastKey; i++) {
    const key = ctx.arg(i);
    if (woken !== null && key !== woken) continue;
    const value = ctx.db.lookupWrite(key);
    if (value === undefined) continue;
    if (!(value instanceof ListValue)) {
      if (woken !== null) return false;
      ctx.error(Err.wrongType);
      return true;
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
  return false;
}

/** Pops up to `count` (>= 1) elements from `end` of the non-empty `list` at `key` as an array reply. */
function replyPopped(ctx: CommandContext, key: string, list: ListValue, end: ListEnd, count: number): void {
  const n = Math.min(count, list.size);
  ctx.reply.arrayHeader(n);
  for (let i = 0; i < n; i++) ctx.reply.bulk(popEnd(list, end) as string);
  listShrunk(ctx, key, list);
}
