// ZRANGE, ZRANGESTORE and the older ZREVRANGE, Z[REV]RANGEBYSCORE, Z[REV]RANGEBYLEX share this, as they do
// in Redis 7.0 (zrangeGenericCommand in redis src/t_zset.c): `<src> <min> <max> [BYSCORE|BYLEX] [REV]
// [WITHSCORES] [LIMIT offset count]`, with the errors in Redis's order (options, conflicts, the range, then
// the key). The older commands fix the range kind and direction, which then are not accepted as options.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ZsetValue } from '../../keyspace/zset-value.js';
import { parseInt64 } from '../../util/int64.js';
import { rankWindow } from '../rank-window.js';
import { parseRangeBounds, RangeKind, rangeWindow } from './range-bounds.js';
import { zsetLimits } from './zset-limits.js';
import { readZset, storeResult, WRONG_TYPE } from './zset-lookup.js';
import { writeMember, writeMembersHeader } from './write-members.js';

export const Direction = { auto: 0, forward: 1, reverse: 2 } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

/** The members to emit: `count` of them from rank `first`, walking down when `reverse`. */
interface Selection {
  first: number;
  count: number;
}

/**
 * Runs the range command whose source key is argv[src]; with `store` the destination is argv[1] and the
 * reply is the stored size.
 */
export function zrangeGeneric(
  ctx: CommandContext,
  src: number,
  store: boolean,
  fixedKind: RangeKind,
  fixedDirection: Direction,
): void {
  let kind = fixedKind;
  let direction = fixedDirection;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let i = src + 3; i < ctx.argc; i++) {
    const option = ctx.option(i);
    if (!store && option === 'WITHSCORES') withScores = true;
    else if (option === 'LIMIT' && ctx.argc - i - 1 >= 2) {
      const parsedOffset = parseInt64(ctx.arg(i + 1));
      const parsedLimit = parsedOffset === null ? null : parseInt64(ctx.arg(i + 2));
      if (parsedOffset === null || parsedLimit === null) return ctx.error(Err.notInteger);
      offset = parsedOffset;
      limit = parsedLimit;
      i += 2;
    } else if (direction === Direction.auto && option === 'REV') direction = Direction.reverse;
    else if (kind === RangeKind.auto && option === 'BYLEX') kind = RangeKind.lex;
    else if (kind === RangeKind.auto && option === 'BYSCORE') kind = RangeKind.score;
    else return ctx.error(Err.syntax);
  }
  if (kind === RangeKind.auto) kind = RangeKind.rank;
  const reverse = direction === Direction.reverse;
  // `LIMIT 0 -1` leaves the default -1, which Redis cannot tell from no LIMIT at all.
  if (limit !== -1 && kind === RangeKind.rank) return ctx.error(Err.zrangeLimit);
  if (withScores && kind === RangeKind.lex) return ctx.error(Err.zrangeWithscoresBylex);

  // Reverse score and lex ranges are written max first.
  const minText = ctx.arg(reverse && kind !== RangeKind.rank ? src + 2 : src + 1);
  const maxText = ctx.arg(reverse && kind !== RangeKind.rank ? src + 1 : src + 2);
  const bounds = parseRangeBounds(kind, minText, maxText);
  if (typeof bounds === 'string') return ctx.error(bounds);

  const zset = readZset(ctx, ctx.arg(src));
  if (zset === WRONG_TYPE) return;
  const selection: Selection = { first: 0, count: 0 };
  if (zset !== undefined) {
    if (bounds.kind === RangeKind.rank) {
      selectByRank(selection, zset.size, bounds.start, bounds.end, reverse);
    } else {
      const [lo, hi] = rangeWindow(zset, bounds);
      selectInWindow(selection, lo, hi, offset, limit, reverse);
    }
  }
  if (store) storeSelection(ctx, zset, selection, reverse, kind === RangeKind.rank);
  else replySelection(ctx, zset, selection, reverse, withScores);
}

/** A rank range (rankWindow), walked from the end when `reverse`: ZREVRANGE's ranks count from the top. */
function selectByRank(out: Selection, size: number, start: number, end: number, reverse: boolean): void {
  const [lo, hi] = rankWindow(size, start, end);
  if (hi <= lo) return;
  out.count = hi - lo;
  out.first = reverse ? size - 1 - lo : lo;
}

/**
 * LIMIT within the ranks [lo, hi) of a score or lex range: a negative offset selects nothing (Redis walks
 * off the end), a negative count means all the rest.
 */
function selectInWindow(
  out: Selection,
  lo: number,
  hi: number,
  offset: number,
  limit: number,
  reverse: boolean,
): void {
  const available = hi - lo - offset;
  if (offset < 0 || available <= 0) return;
  out.count = limit < 0 ? available : Math.min(available, limit);
  out.first = reverse ? hi - 1 - offset : lo + offset;
}

function replySelection(
  ctx: CommandContext,
  zset: ZsetValue | undefined,
  selection: Selection,
  reverse: boolean,
  withScores: boolean,
): void {
  const count = selection.count;
  writeMembersHeader(ctx, count, withScores);
  if (zset === undefined || count === 0) return;
  const cursor = zset.cursor(selection.first);
  for (let n = 0; n < count; n++) {
    writeMember(ctx, cursor.member, cursor.score, withScores);
    if (reverse) cursor.prev();
    else cursor.next();
  }
}

/** ZRANGESTORE: builds the result in the encoding Redis would and stores it. */
function storeSelection(
  ctx: CommandContext,
  zset: ZsetValue | undefined,
  selection: Selection,
  reverse: boolean,
  sizeKnown: boolean,
): void {
  const limits = zsetLimits(ctx.server);
  // Redis 7.0.15 sizes the result up front when it knows the count (a rank range: zsetTypeCreate), so a
  // large one starts as a skiplist; score and lex ranges start as a listpack and convert as they grow.
  const result = new ZsetValue(!sizeKnown || selection.count <= limits.zsetMaxListpackEntries);
  if (zset !== undefined && selection.count !== 0) {
    const cursor = zset.cursor(selection.first);
    for (let n = 0; n < selection.count; n++) {
      result.add(cursor.member, cursor.score, limits);
      if (reverse) cursor.prev();
      else cursor.next();
    }
  }
  storeResult(ctx, ctx.arg(1), result);
}
