// HSCAN key cursor [MATCH pattern] [COUNT count] (redis 7.0 src/t_hash.c hscanCommand + db.c
// scanGenericCommand): field, value pairs whose field matches. The cursor is checked first, then the key
// (missing: an empty page with cursor 0), then the options. A packed (small) hash is returned whole with
// cursor 0, as Redis does with a listpack; a dense one is paged by index (../collection-scan.ts explains
// why no field present for the whole scan is missed).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { globMatch } from '../../util/glob-match.js';
import { pageEnd, pageStart, replyScan, startScan } from '../collection-scan.js';
import { parseScanCursor } from '../scan-cursor.js';
import { readHash } from './hash-lookup.js';

export const hscan = {
  name: 'hscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'hash', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Incrementally iterate hash fields and associated values',
    since: '2.8.0',
    group: 'hash',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  handler(ctx) {
    const scan = startScan(ctx, parseScanCursor, readHash);
    if (scan === null) return;
    const { cursor, value: hash, options } = scan;
    const { pattern } = options;
    const page: string[] = [];
    let next = 0;
    let from = hash.first();
    let to = -1;
    if (!hash.isPacked) {
      const end = pageEnd(cursor, hash.size);
      next = pageStart(end, options.count);
      from = end > next ? next : -1;
      to = end;
    }
    for (let p = from; p !== -1 && p !== to; p = hash.next(p)) {
      const field = hash.fieldAt(p);
      if (pattern === null || globMatch(pattern, field)) page.push(field, hash.valueAt(p));
    }
    replyScan(ctx, next, page);
  },
} satisfies CommandSpec;
