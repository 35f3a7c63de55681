// ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX share this (zremrangeGenericCommand in redis
// src/t_zset.c): parse the range, then remove the members in it and reply with how many went.
import type { CommandContext } from '../command-context.js';
import { parseRangeBounds, type RangeKind, rangeWindow } from './range-bounds.js';
import { WRONG_TYPE, writeZset, zsetShrunk } from './zset-lookup.js';

export function removeRange(ctx: CommandContext, kind: RangeKind): void {
  const bounds = parseRangeBounds(kind, ctx.arg(2), ctx.arg(3));
  if (typeof bounds === 'string') return ctx.error(bounds);
  const key = ctx.arg(1);
  const zset = writeZset(ctx, key);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) return ctx.reply.integer(0);
  const [lo, hi] = rangeWindow(zset, bounds);
  const count = Math.max(0, hi - lo);
  if (count !== 0) {
    zset.removeRange(lo, count);
    zsetShrunk(ctx, key, zset);
  }
  ctx.reply.integer(count);
}
