// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops up to count members from the first non-empty
// sorted set among the keys, replying [key, [[member, score]...]], or nil when all are empty.
import type { CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { parseMpop } from '../parse-mpop.js';
import { parseMinMax } from './parse-min-max.js';
import { popFirstNonEmpty } from './pop-members.js';

export const zmpop = {
  name: 'zmpop',
  arity: -4,
  flags: ['write'],
  categories: ['write', 'sortedset', 'slow'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Remove and return members with scores in a sorted set',
    since: '7.0.0',
    group: 'sorted-set',
    complexity:
      'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 1, parseMinMax);
    if (parsed === null) return;
    if (!popFirstNonEmpty(ctx, 2, parsed.numKeys, parsed.where, parsed.count)) ctx.reply.nullArray();
  },
} satisfies CommandSpec;
