// ZRANDMEMBER key [count [WITHSCORES]]: one random member (a bulk), or `count` distinct ones (fewer if the
// set is smaller), or with a negative count |count| members that may repeat. Redis 7.0 streams a reply of
// any size for a huge negative count until memory runs out; here a reply estimated past
// MAX_REPLY_BYTES is refused with an error instead.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { parseInt64 } from '../../util/int64.js';
import { writeMember, writeMembersHeader } from './write-members.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

/**
 * Largest reply a negative count may produce: room for millions of picks, yet one command cannot take
 * more memory (or event-loop time) than a large pipeline would.
 */
const MAX_REPLY_BYTES = 64 * 1024 * 1024;
/** RESP framing per member (bulk header and CRLFs), and per score when WITHSCORES. */
const MEMBER_FRAMING_BYTES = 16;
const SCORE_BYTES = 32;
/** Members sampled to estimate the average member length. */
const SAMPLES = 8;
/** Redis refuses LLONG_MIN: its magnitude does not fit a long. */
const INT64_MIN_TEXT = '-9223372036854775808';

export const zrandmember = {
  name: 'zrandmember',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get one or multiple random elements from a sorted set',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N) where N is the number of elements returned',
  },
  handler(ctx) {
    if (ctx.argc === 2) {
      const zset = readZset(ctx, ctx.arg(1));
      if (zset === WRONG_TYPE) return;
      if (zset === undefined) ctx.reply.nullBulk();
      else ctx.reply.bulk(zset.cursor(randomRank(zset)).member);
      return;
    }
    const text = ctx.arg(2);
    const count = parseInt64(text);
    if (count === null) return ctx.error(Err.notInteger);
    if (text === INT64_MIN_TEXT) return ctx.error(Err.countOutOfRange);
    if (ctx.argc > 4 || (ctx.argc === 4 && ctx.option(3) !== 'WITHSCORES')) return ctx.error(Err.syntax);
    const withScores = ctx.argc === 4;
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    if (zset === undefined || count === 0) return ctx.reply.arrayHeader(0);
    if (count < 0) replyWithRepeats(ctx, zset, -count, withScores);
    else replyDistinct(ctx, zset, count, withScores);
  },
} satisfies CommandSpec;

function randomRank(zset: ZsetValue): number {
  return Math.floor(Math.random() * zset.size);
}

/** `n` independent picks. */
function replyWithRepeats(ctx: CommandContext, zset: ZsetValue, n: number, withScores: boolean): void {
  if (estimatedReplyBytes(zset, n, withScores) > MAX_REPLY_BYTES) {
    return ctx.error(Err.randomReplyTooLarge('ZRANDMEMBER', MAX_REPLY_BYTES));
  }
  writeMembersHeader(ctx, n, withScores);
  for (let i = 0; i < n; i++) {
    const pick = zset.cursor(randomRank(zset));
    writeMember(ctx, pick.member, pick.score, withScores);
  }
}

/** min(n, size) distinct members: the whole set in order, or a sample (Floyd's algorithm, O(n) picks). */
function replyDistinct(ctx: CommandContext, zset: ZsetValue, n: number, withScores: boolean): void {
  const size = zset.size;
  if (n >= size) {
    writeMembersHeader(ctx, size, withScores);
    const walk = zset.cursor(0);
    for (let i = 0; i < size; i++, walk.next()) writeMember(ctx, walk.member, walk.score, withScores);
    return;
  }
  const ranks = new Set<number>();
  for (let j = size - n; j < size; j++) {
    const pick = Math.floor(Math.random() * (j + 1));
    ranks.add(ranks.has(pick) ? j : pick);
  }
  writeMembersHeader(ctx, n, withScores);
  for (const rank of ranks) {
    const pick = zset.cursor(rank);
    writeMember(ctx, pick.member, pick.score, withScores);
  }
}

/** The reply size of `n` picks, from the lengths of a few random members. */
function estimatedReplyBytes(zset: ZsetValue, n: number, withScores: boolean): number {
  let sampled = 0;
  for (let i = 0; i < SAMPLES; i++) sampled += zset.cursor(randomRank(zset)).member.length;
  const perMember = sampled / SAMPLES + MEMBER_FRAMING_BYTES + (withScores ? SCORE_BYTES : 0);
  return n * perMember;
}
