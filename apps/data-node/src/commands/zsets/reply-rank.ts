// ZRANK and ZREVRANK share this: the member's 0-based rank by ascending (or descending) score, nil when
// the member or the key is missing.
import type { CommandContext } from '../command-context.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

export function replyRank(ctx: CommandContext, reverse: boolean): void {
  const zset = readZset(ctx, ctx.arg(1));
  if (zset === WRONG_TYPE) return;
  const rank = zset === undefined ? -1 : zset.rank(ctx.arg(2));
  if (zset === undefined || rank < 0) ctx.reply.nullBulk();
  else ctx.reply.integer(reverse ? zset.size - 1 - rank : rank);
}
