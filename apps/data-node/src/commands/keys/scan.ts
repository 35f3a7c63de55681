// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (redis 7.0 src/db.c scanGenericCommand): one step of
// a keyspace iteration. The cursor is Database.scan's (the next hash slot), so every key present for the
// whole iteration is returned at least once. COUNT below 1 is a syntax error; TYPE compares case-insensitively
// and an unknown type matches nothing; expired keys are deleted and skipped.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { kindOf } from '../../keyspace/values.js';
import { globMatch } from '../../util/glob-match.js';
import { parseInt64 } from '../../util/int64.js';
import { parseScanCursor } from './scan-cursor.js';

const DEFAULT_COUNT = 10;
const INVALID_CURSOR = 'ERR invalid cursor';

interface ScanOptions {
  count: number;
  pattern: string | null;
  type: string | null;
}

/** Parses the options from argv[2] on; null after replying with the error. */
function parseOptions(ctx: CommandContext): ScanOptions | null {
  const options: ScanOptions = { count: DEFAULT_COUNT, pattern: null, type: null };
  for (let i = 2; i < ctx.argc; i += 2) {
    const option = ctx.option(i);
    if (i + 1 >= ctx.argc) {
      ctx.error(Err.syntax);
      return null;
    }
    if (option === 'COUNT') {
      const count = parseInt64(ctx.arg(i + 1));
      if (count === null) {
        ctx.error(Err.notInteger);
        return null;
      }
      if (count < 1) {
        ctx.error(Err.syntax);
        return null;
      }
      options.count = count;
    } else if (option === 'MATCH') {
      const pattern = ctx.arg(i + 1);
      options.pattern = pattern === '*' ? null : pattern;
    } else if (option === 'TYPE') {
      options.type = ctx.arg(i + 1).toLowerCase();
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return options;
}

export const scan = {
  name: 'scan',
  arity: -2,
  flags: ['readonly'],
  categories: ['keyspace', 'read', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Incrementally iterate the keys space',
    since: '2.8.0',
    group: 'generic',
    complexity: 'O(1) for every call. O(N) for a complete iteration.',
  },
  handler(ctx) {
    const cursor = parseScanCursor(ctx.arg(1));
    if (cursor === null) {
      ctx.error(INVALID_CURSOR);
      return;
    }
    const options = parseOptions(ctx);
    if (options === null) return;
    const db = ctx.db;
    const page = db.scan(cursor, options.count);
    const keys = page.keys;
    let kept = 0;
    for (const key of keys) {
      if (options.pattern !== null && !globMatch(options.pattern, key)) continue;
      if (db.expireIfNeeded(key)) continue;
      if (options.type !== null) {
        const value = db.peek(key);
        if (value === undefined || kindOf(value) !== options.type) continue;
      }
      keys[kept++] = key;
    }
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk(String(page.cursor));
    ctx.reply.arrayHeader(kept);
    for (let i = 0; i < kept; i++) ctx.reply.bulk(keys[i] as string);
  },
} satisfies CommandSpec;
