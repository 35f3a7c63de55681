// SSCAN key cursor [MATCH pattern] [COUNT count] (redis 7.0 src/t_set.c sscanCommand + db.c
// scanGenericCommand): the cursor is checked first, then the key (missing: an empty page with cursor 0), then
// the options. An intset is returned whole, in numeric order, with cursor 0, as Redis does; a hashtable set is
// paged by index (../collection-scan.ts explains why no member present for the whole scan is missed).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { globMatch } from '../../util/glob-match.js';
import { pageEnd, pageStart, replyScan, startScan } from '../collection-scan.js';
import { parseScanCursor } from '../scan-cursor.js';
import { readSet } from './set-lookup.js';
import { maxIntsetEntries } from './set-limits.js';
import { orderedMembers } from './set-order.js';

export const sscan = {
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Incrementally iterate Set elements',
    since: '2.8.0',
    group: 'set',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  handler(ctx) {
    const scan = startScan(ctx, parseScanCursor, readSet);
    if (scan === null) return;
    const { cursor, value: set, options } = scan;
    const { pattern } = options;
    const page: string[] = [];
    let next = 0;
    if (set.isIntset(maxIntsetEntries(ctx.server))) {
      for (const member of orderedMembers(ctx, set))
        if (pattern === null || globMatch(pattern, member)) page.push(member);
    } else {
      const end = pageEnd(cursor, set.size);
      next = pageStart(end, options.count);
      for (let i = end - 1; i >= next; i--) {
        const member = set.at(i);
        if (pattern === null || globMatch(pattern, member)) page.push(member);
      }
    }
    replyScan(ctx, next, page);
  },
} satisfies CommandSpec;
