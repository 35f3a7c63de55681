// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: ZMPOP that blocks while every sorted set is
// empty, up to timeout seconds (0 = forever); the timeout is checked after the other arguments, as in Redis.
import type { CommandSpec } from '../command-spec.js';
import { parseTimeout } from '../../util/parse-timeout.js';
import { zpopOrBlock } from './blocking-zpop.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { parseMpop } from '../parse-mpop.js';
import { parseMinMax } from './parse-min-max.js';

export const bzmpop = {
  name: 'bzmpop',
  arity: -5,
  flags: ['write', 'blocking'],
  categories: ['write', 'sortedset', 'slow', 'blocking'],
  keys: { first: 0, last: 0, step: 0 },
  getKeys: numkeysKeys(2, false),
  docs: {
    summary: 'Remove and return members with scores in a sorted set or block until one is available',
    since: '7.0.0',
    group: 'sorted-set',
    complexity:
      'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 2, parseMinMax);
    if (parsed === null) return;
    const timeoutMs = parseTimeout(ctx, 1);
    if (timeoutMs !== null) zpopOrBlock(ctx, 3, parsed.numKeys, parsed.where, parsed.count, timeoutMs);
  },
} satisfies CommandSpec;
