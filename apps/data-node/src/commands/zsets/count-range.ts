// ZCOUNT and ZLEXCOUNT share this (zcountCommand, zlexcountCommand in redis src/t_zset.c): parse the range,
// then count the members in it by rank (two tree descents, no walk); 0 for a missing key.
import type { CommandContext } from '../command-context.js';
import { parseRangeBounds, type RangeKind, rangeWindow } from './range-bounds.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export function countRange(ctx: CommandContext, kind: RangeKind): void {
  const bounds = parseRangeBounds(kind, ctx.arg(2), ctx.arg(3));
  if (typeof bounds === 'string') return ctx.error(bounds);
  const zset = readZset(ctx, ctx.arg(1));
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) return ctx.reply.integer(0);
  const [lo, hi] = rangeWindow(zset, bounds);
  ctx.reply.integer(Math.max(0, hi - lo));
}
