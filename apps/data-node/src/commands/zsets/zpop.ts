// ZPOPMIN and ZPOPMAX share this: `key [count]`, a flat [member, score...] array, or in RESP3 with a count
// a [member, score] pair per member; an empty array for a missing key or a count of 0.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { popMembers } from './pop-members.js';
import { WRONG_TYPE, writeZset } from './zset-lookup.js';

export function zpop(ctx: CommandContext, max: boolean): void {
  if (ctx.argc > 3) return ctx.error(Err.syntax);
  let count = -1; // no count argument: pop one, always a flat reply
  if (ctx.argc === 3) {
    const parsed = parseInt64(ctx.arg(2));
    if (parsed === null || parsed < 0) return ctx.error(Err.notPositive);
    count = parsed;
  }
  const key = ctx.arg(1);
  const zset = writeZset(ctx, key);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined || count === 0) return ctx.reply.arrayHeader(0);
  const n = count === -1 ? 1 : Math.min(count, zset.size);
  const nested = count !== -1 && ctx.client.protocol === 3;
  ctx.reply.arrayHeader(nested ? n : n * 2);
  popMembers(ctx, key, zset, max, n, nested);
}
