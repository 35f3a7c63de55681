// ZSCAN key cursor [MATCH pattern] [COUNT count]: iterates members and scores (scores as %.17g bulk
// strings). A set Redis would hold as a listpack comes back whole with cursor 0, as redis-server does. A
// larger one is walked in score order, about COUNT members a call; a page never ends inside a run of equal
// scores, so a member present for the whole scan is returned at least once whatever else is added or
// removed (members whose score moves backwards during the scan may be missed).
import { formatDouble17g } from '@tessera/resp';
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { globMatch } from '../../util/glob-match.js';
import { replyScan, startScan } from '../collection-scan.js';
import { parseScanCursor64 } from '../scan-cursor.js';
import { cursorForScore, scoreForCursor } from './scan-cursor.js';
import { readZset } from './zset-lookup.js';

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
    const scan = startScan(ctx, parseScanCursor64, readZset);
    if (scan !== null) scanPage(ctx, scan.value, scan.cursor, scan.options.count, scan.options.pattern);
  },
} satisfies CommandSpec;

function scanPage(
  ctx: CommandContext,
  zset: ZsetValue,
  cursor: bigint,
  count: number,
  pattern: string | null,
): void {
  const page: string[] = []; // member, score as %.17g, ...
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
      page.push(walk.member, formatDouble17g(score));
    }
  }
  replyScan(ctx, next, page);
}
