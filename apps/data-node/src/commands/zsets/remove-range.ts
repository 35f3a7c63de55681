// ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX share this (zremrangeGenericCommand in redis
// src/t_zset.c): parse the range, then remove the members in it and reply with how many went.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { lexWindow, parseLexRange, parseScoreRange, scoreWindow } from './range-bounds.js';
import { RangeKind } from './zrange-generic.js';
import { WRONG_TYPE, writeZset, zsetShrunk } from './zset-lookup.js';

export function removeRange(ctx: CommandContext, kind: RangeKind): void {
  const minText = ctx.arg(2);
  const maxText = ctx.arg(3);
  let start = 0;
  let end = 0;
  const scoreRange = kind === RangeKind.score ? parseScoreRange(minText, maxText) : null;
  const lexRange = kind === RangeKind.lex ? parseLexRange(minText, maxText) : null;
  if (kind === RangeKind.rank) {
    const parsedStart = parseInt64(minText);
    const parsedEnd = parsedStart === null ? null : parseInt64(maxText);
    if (parsedStart === null || parsedEnd === null) return ctx.error(Err.notInteger);
    start = parsedStart;
    end = parsedEnd;
  } else if (kind === RangeKind.score && scoreRange === null) {
    return ctx.error(Err.scoreRange);
  } else if (kind === RangeKind.lex && lexRange === null) {
    return ctx.error(Err.lexRange);
  }

  const key = ctx.arg(1);
  const zset = writeZset(ctx, key);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) return ctx.reply.integer(0);
  let lo: number;
  let hi: number;
  if (scoreRange !== null) [lo, hi] = scoreWindow(zset, scoreRange);
  else if (lexRange !== null) [lo, hi] = lexWindow(zset, lexRange);
  else {
    // Ranks as ZRANGE takes them: negative ones count from the end, clamped to the set.
    const size = zset.size;
    lo = Math.max(0, start < 0 ? size + start : start);
    hi = Math.min(size, (end < 0 ? size + end : end) + 1);
  }
  const count = Math.max(0, hi - lo);
  if (count !== 0) {
    zset.removeRange(lo, count);
    zsetShrunk(ctx, key, zset);
  }
  ctx.reply.integer(count);
}
