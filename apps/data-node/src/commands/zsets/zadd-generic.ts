// ZADD and ZINCRBY share this, as in Redis 7.0 (zaddGenericCommand and zsetAdd in redis src/t_zset.c):
// options NX|XX, GT|LT, CH and INCR before the score-member pairs, every score parsed before anything
// changes, then each pair added or updated. ZINCRBY is ZADD with INCR forced, so it accepts (and trips
// over) the same option words.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ZsetValue } from '../../keyspace/zset-value.js';
import { parseScore } from './parse-score.js';
import { zsetLimits } from './zset-limits.js';
import { WRONG_TYPE, writeZset } from './zset-lookup.js';

/** ZADD option bits. */
const Option = {
  /** Only add new members. */
  nx: 1,
  /** Only update existing members. */
  xx: 2,
  /** Only update when the new score is greater. */
  gt: 4,
  /** Only update when the new score is less. */
  lt: 8,
  /** Reply with added + changed instead of added. */
  ch: 16,
  /** Add the score to the current one and reply with the result (ZINCRBY). */
  incr: 32,
} as const;

const OPTION_BITS: ReadonlyMap<string, number> = new Map([
  ['NX', Option.nx],
  ['XX', Option.xx],
  ['GT', Option.gt],
  ['LT', Option.lt],
  ['CH', Option.ch],
  ['INCR', Option.incr],
]);

/** Runs ZADD (`incr` false) or ZINCRBY (`incr` true). */
export function zaddGeneric(ctx: CommandContext, incr: boolean): void {
  let options = incr ? Option.incr : 0;
  let first = 2;
  for (; first < ctx.argc; first++) {
    const bit = mayBeOption(ctx.args[first] as Buffer) ? OPTION_BITS.get(ctx.option(first)) : undefined;
    if (bit === undefined) break;
    options |= bit;
  }
  const pairs = (ctx.argc - first) / 2;
  if (pairs === 0 || !Number.isInteger(pairs)) return ctx.error(Err.syntax);
  const nx = (options & Option.nx) !== 0;
  const xx = (options & Option.xx) !== 0;
  const gt = (options & Option.gt) !== 0;
  const lt = (options & Option.lt) !== 0;
  const increment = (options & Option.incr) !== 0;
  if (nx && xx) return ctx.error(Err.zaddXxNx);
  if ((nx && (gt || lt)) || (gt && lt)) return ctx.error(Err.zaddGtLtNx);
  if (increment && pairs > 1) return ctx.error(Err.zaddIncrPair);

  const scores = new Array<number>(pairs);
  for (let i = 0; i < pairs; i++) {
    const score = parseScore(ctx.arg(first + 2 * i));
    if (score === null) return ctx.error(Err.notFloat);
    scores[i] = score;
  }

  const key = ctx.arg(1);
  const found = writeZset(ctx, key);
  if (found === WRONG_TYPE) return;
  if (found === undefined && xx) return replyAdded(ctx, options, 0, 0, 0, false);
  const limits = zsetLimits(ctx.server);
  // Redis picks the encoding of a new set from the first member (zaddGenericCommand).
  const zset =
    found ??
    new ZsetValue(
      limits.zsetMaxListpackEntries !== 0 &&
        (ctx.args[first + 1] as Buffer).length <= limits.zsetMaxListpackValue,
    );
  let added = 0;
  let updated = 0;
  let processed = false;
  let result = 0;
  for (let i = 0; i < pairs; i++) {
    const member = ctx.arg(first + 2 * i + 1);
    let score = scores[i] as number;
    const current = zset.score(member);
    if (current === undefined) {
      if (xx) continue;
      zset.add(member, score, limits);
      added++;
    } else {
      if (nx) continue;
      if (increment) {
        score += current;
        if (Number.isNaN(score)) return ctx.error(Err.zsetNaN); // only INCR, a single pair: nothing changed
      }
      if ((lt && score >= current) || (gt && score <= current)) continue;
      if (score !== current) {
        zset.update(member, current, score);
        updated++;
      }
    }
    processed = true;
    result = score;
  }
  if (found === undefined) ctx.db.add(key, zset);
  else if (added + updated !== 0) ctx.db.modified(key, zset);
  replyAdded(ctx, options, added, updated, result, processed);
}

/**
 * INCR replies with the new score (nil when nothing was done); plain ZADD with how many were added/changed.
 */
function replyAdded(
  ctx: CommandContext,
  options: number,
  added: number,
  updated: number,
  score: number,
  processed: boolean,
): void {
  if ((options & Option.incr) !== 0) {
    if (processed) ctx.reply.double(score);
    else ctx.reply.nullBulk();
  } else {
    ctx.reply.integer((options & Option.ch) !== 0 ? added + updated : added);
  }
}

/** Whether an argument can be an option word (NX, XX, GT, LT, CH, INCR), judged without converting it. */
function mayBeOption(arg: Buffer): boolean {
  if (arg.length !== 2 && arg.length !== 4) return false;
  const first = (arg[0] as number) | 0x20; // lower case
  return (
    first === 0x6e || first === 0x78 || first === 0x67 || first === 0x6c || first === 0x63 || first === 0x69
  );
}
