// LPOS key element [RANK rank] [COUNT num] [MAXLEN len]: the index of matching elements (redis src/t_list.c
// lposCommand). RANK n starts at the n-th match, from the tail when negative; COUNT replies with an array
// of up to num indexes (0 = all); MAXLEN compares at most len elements (0 = all). Options are parsed before
// the key is looked up.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { readList, WRONG_TYPE } from './list-lookup.js';

/** RANK -9223372036854775808: negating it overflows in Redis, which then returns every match from the tail. */
const RANK_INT64_MIN = '-9223372036854775808';

interface LposOptions {
  rank: number;
  /** -1 when COUNT was not given. */
  count: number;
  maxlen: number;
  /** Scan from the tail (negative RANK). */
  fromTail: boolean;
}

function parseOptions(ctx: CommandContext): LposOptions | null {
  const o: LposOptions = { rank: 1, count: -1, maxlen: 0, fromTail: false };
  let unlimited = false;
  for (let i = 3; i < ctx.argc; i++) {
    const option = ctx.option(i);
    const hasNext = i + 1 < ctx.argc;
    if (option === 'RANK' && hasNext) {
      const text = ctx.arg(++i);
      const rank = parseInt64(text);
      if (rank === null) return fail(ctx, Err.notInteger);
      if (rank === 0) return fail(ctx, Err.rankZero);
      unlimited = text === RANK_INT64_MIN;
      o.fromTail = rank < 0;
      o.rank = unlimited ? 1 : Math.abs(rank);
    } else if ((option === 'COUNT' || option === 'MAXLEN') && hasNext) {
      const n = parseInt64(ctx.arg(++i));
      if (n === null || n < 0) return fail(ctx, option === 'COUNT' ? Err.countNegative : Err.maxlenNegative);
      if (option === 'COUNT') o.count = n;
      else o.maxlen = n;
    } else return fail(ctx, Err.syntax);
  }
  if (unlimited && o.count !== -1) o.count = 0;
  return o;
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}

export const lpos = {
  name: 'lpos',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'list', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Returns the index of matching elements in a list.',
    since: '6.0.6',
    group: 'list',
    complexity: 'O(N) where N is the number of elements in the list, for the average case.',
  },
  handler(ctx) {
    const o = parseOptions(ctx);
    if (o === null) return;
    const list = readList(ctx, ctx.arg(1));
    if (list === WRONG_TYPE) return;
    const element = ctx.arg(2);
    const length = list === undefined ? 0 : list.size;
    const scan = o.maxlen === 0 ? length : Math.min(o.maxlen, length);
    const found: number[] = [];
    let matches = 0;
    for (let n = 0; n < scan && list !== undefined; n++) {
      const index = o.fromTail ? length - 1 - n : n;
      if (list.at(index) !== element || ++matches < o.rank) continue;
      found.push(index);
      if (o.count === -1 || (o.count !== 0 && found.length >= o.count)) break;
    }
    if (o.count !== -1) {
      ctx.reply.arrayHeader(found.length);
      for (const index of found) ctx.reply.integer(index);
    } else if (found.length === 0) ctx.reply.nullBulk();
    else ctx.reply.integer(found[0] as number);
  },
} satisfies CommandSpec;
