// ZSCAN key cursor [MATCH pattern] [COUNT count]: iterates members and scores (scores as %.17g bulk
// strings). A set Redis would hold as a listpack comes back whole with cursor 0, as redis-server does. A
// larger one is walked in score order, about COUNT members a call; a page never ends inside a run of equal
// scores, so a member present for the whole scan is returned at least once whatever else is added or
// removed (members whose score moves backwards during the scan may be missed).
import { formatDouble17g } from '@tessera/resp';
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { globMatch } from '../../util/glob-match.js';
import { parseInt64 } from '../../util/int64.js';
import { cursorForScore, parseScanCursor, scoreForCursor } from './scan-cursor.js';
import { readZset, WRONG_TYPE } from './zset-lookup.js';

const DEFAULT_COUNT = 10;

export const zscan = {
  name: 'zscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'sortedset', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Incrementally iterate sorted sets elements and associated scores',
    since: '2.8.0',
    group: 'sorted-set',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  handler(ctx) {
    const cursor = parseScanCursor(ctx.arg(2));
    if (cursor === null) return ctx.error(Err.invalidCursor);
    const zset = readZset(ctx, ctx.arg(1));
    if (zset === WRONG_TYPE) return;
    if (zset === undefined) return replyPage(ctx, 0n, [], []);
    let count = DEFAULT_COUNT;
    let pattern: string | null = null;
    for (let i = 3; i < ctx.argc; i += 2) {
      const option = ctx.option(i);
      if (i + 1 >= ctx.argc) return ctx.error(Err.syntax);
      if (option === 'COUNT') {
        const parsed = parseInt64(ctx.arg(i + 1));
        if (parsed === null) return ctx.error(Err.notInteger);
        if (parsed < 1) return ctx.error(Err.syntax);
        count = parsed;
      } else if (option === 'MATCH') {
        const text = ctx.arg(i + 1);
        pattern = text === '*' ? null : text;
      } else {
        return ctx.error(Err.syntax);
      }
    }
    scanPage(ctx, zset, cursor, count, pattern);
  },
} satisfies CommandSpec;

function scanPage(
  ctx: CommandContext,
  zset: ZsetValue,
  cursor: bigint,
  count: number,
  pattern: string | null,
): void {
  const members: string[] = [];
  const scores: number[] = [];
  const size = zset.size;
  let rank = 0;
  let end = size;
  if (!zset.isListpack) {
    if (cursor !== 0n) {
      const from = scoreForCursor(cursor);
      rank = Number.isNaN(from) ? size : zset.countScoresBelow(from, false);
    }
    end = Math.min(size, rank + count);
  }
  let next = 0n;
  if (rank < size) {
    const walk = zset.cursor(rank);
    let last = NaN;
    for (; rank < size; rank++, walk.next()) {
      const score = walk.score;
      if (rank >= end && score !== last) {
        next = cursorForScore(score);
        break;
      }
      last = score;
      if (pattern !== null && !globMatch(pattern, walk.member)) continue;
      members.push(walk.member);
      scores.push(score);
    }
  }
  replyPage(ctx, next, members, scores);
}

function replyPage(
  ctx: CommandContext,
  next: bigint,
  members: readonly string[],
  scores: readonly number[],
): void {
  const reply = ctx.reply;
  reply.arrayHeader(2);
  reply.bulk(next.toString());
  reply.arrayHeader(members.length * 2);
  for (let i = 0; i < members.length; i++) {
    reply.bulk(members[i] as string);
    reply.bulk(formatDouble17g(scores[i] as number));
  }
}
