// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]: the longest common subsequence of two strings,
// its length, or its match ranges (redis src/t_string.c lcsCommand, 7.0). Missing keys are empty strings.
// The DP table is refused, like Redis, when (len1 + 1) * (len2 + 1) 4-byte cells would pass
// proto-max-bulk-len, which bounds the memory and time one call can take.
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { isCollection } from '../../keyspace/values.js';
import { parseInt64 } from '../../util/int64.js';
import { lcs as longestCommon, lcsLength, type LcsResult } from './lcs-table.js';
import { bytesOf } from './string-bytes.js';

interface LcsOptions {
  len: boolean;
  idx: boolean;
  withMatchLen: boolean;
  minMatchLen: number;
}

export const lcs = {
  name: 'lcs',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'string', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary: 'Find longest common substring',
    since: '7.0.0',
    group: 'string',
    complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
  },
  handler(ctx) {
    const first = ctx.db.lookupRead(ctx.arg(1));
    const second = ctx.db.lookupRead(ctx.arg(2));
    if ((first !== undefined && isCollection(first)) || (second !== undefined && isCollection(second))) {
      ctx.error('ERR The specified keys must contain string values');
      return;
    }
    const options = parseOptions(ctx);
    if (options === null) return;
    if (options.len && options.idx) {
      ctx.error('ERR If you want both the length and indexes, please just use IDX.');
      return;
    }
    const cells = ((first?.length ?? 0) + 1) * ((second?.length ?? 0) + 1);
    if (cells * 4 > ctx.server.config.getNumber('proto-max-bulk-len')) {
      ctx.error('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
      return;
    }
    const a = first === undefined ? EMPTY : bytesOf(first);
    const b = second === undefined ? EMPTY : bytesOf(second);
    if (options.len) {
      ctx.reply.integer(lcsLength(a, b));
      return;
    }
    const result = longestCommon(a, b, options.minMatchLen);
    if (options.idx) writeMatches(ctx, result, options.withMatchLen);
    else ctx.reply.bulk(result.sequence);
  },
} satisfies CommandSpec;

const EMPTY = Buffer.alloc(0);

/** Options from argv[3] on; null after replying with the error. */
function parseOptions(ctx: CommandContext): LcsOptions | null {
  const options: LcsOptions = { len: false, idx: false, withMatchLen: false, minMatchLen: 0 };
  for (let j = 3; j < ctx.argc; j++) {
    const option = ctx.option(j);
    if (option === 'IDX') options.idx = true;
    else if (option === 'LEN') options.len = true;
    else if (option === 'WITHMATCHLEN') options.withMatchLen = true;
    else if (option === 'MINMATCHLEN' && j + 1 < ctx.argc) {
      const n = parseInt64(ctx.arg(++j));
      if (n === null) {
        ctx.error(Err.notInteger);
        return null;
      }
      options.minMatchLen = Math.max(n, 0);
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return options;
}

/** The IDX reply: a map of "matches" (ranges in a, in b, and optionally the length) and "len". */
function writeMatches(ctx: CommandContext, result: LcsResult, withMatchLen: boolean): void {
  const w = ctx.reply;
  w.mapHeader(2);
  w.bulk('matches');
  w.arrayHeader(result.matches.length);
  for (const match of result.matches) {
    w.arrayHeader(withMatchLen ? 3 : 2);
    w.arrayHeader(2);
    w.integer(match.aStart);
    w.integer(match.aEnd);
    w.arrayHeader(2);
    w.integer(match.bStart);
    w.integer(match.bEnd);
    if (withMatchLen) w.integer(match.length);
  }
  w.bulk('len');
  w.integer(result.length);
}
