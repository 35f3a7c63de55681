// BZPOPMIN, BZPOPMAX and BZMPOP share this (blockingGenericZpopCommand in redis src/t_zset.c): pop from the
// first non-empty sorted set among the keys, else block on all of them until a ZADD fills one or the
// timeout passes (a null array then, and at once inside MULTI). A re-run after a wake-up serves only from
// the key that woke it, and keeps waiting if that key now holds another type (Redis 7.0 serves sorted sets
// only to clients blocked for sorted sets).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ZsetValue } from '../../keyspace/zset-value.js';
import { popMembers } from './pop-members.js';

/** BZPOPMIN's reply form: a flat [key, member, score] rather than BZMPOP's [key, [[member, score]...]]. */
export const SINGLE = -1;

/** Serves or blocks for the `numKeys` keys from argv[firstKey]. */
export function zpopOrBlock(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  max: boolean,
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
    if (!(value instanceof ZsetValue)) {
      if (woken !== null) break;
      return ctx.error(Err.wrongType);
    }
    if (count === SINGLE) {
      ctx.reply.arrayHeader(3);
      ctx.reply.bulk(key);
      popMembers(ctx, key, value, max, 1, false);
    } else {
      const n = Math.min(count, value.size);
      ctx.reply.arrayHeader(2);
      ctx.reply.bulk(key);
      ctx.reply.arrayHeader(n);
      popMembers(ctx, key, value, max, n, true);
    }
    return;
  }
  const keys: string[] = [];
  for (let i = firstKey; i < lastKey; i++) keys.push(ctx.arg(i));
  ctx.block({ keys, timeoutMs });
}
