// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to count elements from the first non-empty
// list, replying [key, [elements...]], or a null array when every list is empty.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { parseMpop } from '../parse-mpop.js';
import { parseListEnd } from './list-end.js';
import { popFirstNonEmpty } from './pop-elements.js';

export const lmpop = {
  name: 'lmpop',
  arity: -4,
  flags: ['write'],
  categories: ['write', 'list', 'slow'],
  keys: NO_KEYS,
  getKeys: numkeysKeys(1, false),
  docs: {
    summary:
      'Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.',
    since: '7.0.0',
    group: 'list',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 1, parseListEnd);
    if (parsed === null) return;
    if (!popFirstNonEmpty(ctx, 2, parsed.numKeys, parsed.where, parsed.count)) ctx.reply.nullArray();
  },
} satisfies CommandSpec;
