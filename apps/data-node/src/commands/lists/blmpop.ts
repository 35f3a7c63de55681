// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: LMPOP that blocks while every list is
// empty. Redis parses numkeys, the end and COUNT before the timeout.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { popOrBlock } from './blocking-pop.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { parseMpop } from '../parse-mpop.js';
import { parseListEnd } from './list-end.js';
import { parseTimeout } from '../../util/parse-timeout.js';

export const blmpop = {
  name: 'blmpop',
  arity: -5,
  flags: ['write', 'blocking'],
  categories: ['write', 'list', 'slow', 'blocking'],
  keys: NO_KEYS,
  getKeys: numkeysKeys(2, false),
  docs: {
    summary:
      'Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped.',
    since: '7.0.0',
    group: 'list',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 2, parseListEnd);
    if (parsed === null) return;
    const timeoutMs = parseTimeout(ctx, 1);
    if (timeoutMs !== null) popOrBlock(ctx, 3, parsed.numKeys, parsed.where, parsed.count, timeoutMs);
  },
} satisfies CommandSpec;
