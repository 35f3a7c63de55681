// Popping from either end of a sorted set, shared by ZPOPMIN/ZPOPMAX, ZMPOP and the blocking pops
// (genericZpopCommand in redis src/t_zset.c): the members leave lowest (or highest) score first and the
// key is deleted once empty; ZMPOP and the blocking pops reuse `popFirstNonEmpty`.
import type { CommandContext } from '../command-context.js';
import { firstNonEmpty } from '../first-non-empty.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { isZset, WRONG_TYPE, zsetShrunk } from './zset-lookup.js';

/** BZPOPMIN's reply form: a flat [key, member, score] rather than ZMPOP's [key, [[member, score]...]]. */
export const SINGLE = -1;

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

/**
 * Pops from the first non-empty sorted set among the `numKeys` keys from argv[firstKey]
 * (../first-non-empty.ts), replying [key, member, score] (`count` SINGLE) or [key, [[member, score]...]]
 * with up to `count` members; a key of another type replies WRONGTYPE. Returns false, having written
 * nothing, when every sorted set is empty (or, after a wake-up, the key that woke the command holds another
 * type).
 */
export function popFirstNonEmpty(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  max: boolean,
  count: number,
): boolean {
  const found = firstNonEmpty(ctx, firstKey, numKeys, isZset);
  if (found === null) return false;
  if (found === WRONG_TYPE) return true;
  const { key, value } = found;
  // Replicas pop from the key served here (redis 7.0 rewrites BZPOPMIN, BZMPOP and ZMPOP this way).
  if (ctx.propagating) {
    const pop = max ? 'ZPOPMAX' : 'ZPOPMIN';
    ctx.propagateAs(count === SINGLE ? [pop, key] : [pop, key, String(count)]);
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
  return true;
}
