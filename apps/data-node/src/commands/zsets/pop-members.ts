// Popping from either end of a sorted set, shared by ZPOPMIN/ZPOPMAX, ZMPOP and the blocking pops
// (genericZpopCommand in redis src/t_zset.c): the members leave lowest (or highest) score first and the
// key is deleted once empty.
import type { CommandContext } from '../command-context.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { zsetShrunk } from './zset-lookup.js';

/**
 * Writes the `n` (1 <= n <= size) members at the low end of `zset` (the high end when `max`) in pop order,
 * each as a [member, score] array when `nested`, else as member, score; then removes them.
 */
export function popMembers(
  ctx: CommandContext,
  key: string,
  zset: ZsetValue,
  max: boolean,
  n: number,
  nested: boolean,
): void {
  const reply = ctx.reply;
  const cursor = zset.cursor(max ? zset.size - 1 : 0);
  for (let i = 0; i < n; i++) {
    if (nested) reply.arrayHeader(2);
    reply.bulk(cursor.member);
    reply.double(cursor.score);
    if (max) cursor.prev();
    else cursor.next();
  }
  zset.removeRange(max ? zset.size - n : 0, n);
  zsetShrunk(ctx, key, zset);
}
