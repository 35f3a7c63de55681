// How sorted set commands reply with members and scores (WITHSCORES): RESP2 has one flat array
// [member, score, member, score...], RESP3 nests a [member, score] pair per member, with the score as a
// double (Redis 7.0 zrangeResultBeginClient / zrangeResultEmitCBufferToClient).
import type { CommandContext } from '../command-context.js';

/** The array header for `count` members. */
export function writeMembersHeader(ctx: CommandContext, count: number, withScores: boolean): void {
  ctx.reply.arrayHeader(withScores && ctx.client.protocol === 2 ? count * 2 : count);
}

/** One member, with its score when `withScores`. */
export function writeMember(ctx: CommandContext, member: string, score: number, withScores: boolean): void {
  const reply = ctx.reply;
  if (!withScores) {
    reply.bulk(member);
    return;
  }
  if (ctx.client.protocol !== 2) reply.arrayHeader(2);
  reply.bulk(member);
  reply.double(score);
}
