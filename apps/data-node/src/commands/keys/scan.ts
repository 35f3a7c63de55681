// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (redis 7.0 src/db.c scanGenericCommand): one step of
// a keyspace iteration. The cursor is Database.scan's (the next hash slot), so every key present for the
// whole iteration is returned at least once. COUNT below 1 is a syntax error; TYPE compares case-insensitively
// and an unknown type matches nothing; expired keys are deleted and skipped.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { replyScan } from '../collection-scan.js';
import { parseScanCursor } from '../scan-cursor.js';
import { parseScanOptions } from '../scan-options.js';
import { kindOf } from '../../keyspace/values.js';
import { globMatch } from '../../util/glob-match.js';

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
      ctx.error(Err.invalidCursor);
      return;
    }
    const options = parseScanOptions(ctx, 2, true);
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
    keys.length = kept;
    replyScan(ctx, page.cursor, keys);
  },
} satisfies CommandSpec;
