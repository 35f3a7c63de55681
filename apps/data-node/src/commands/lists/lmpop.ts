// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to count elements from the first non-empty
// list, replying [key, [elements...]], or a null array when every list is empty.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { mpopKeys, parseMpop } from './parse-mpop.js';
import { popFirstNonEmpty } from './pop-elements.js';

export const lmpop = {
  name: 'lmpop',
  arity: -4,
  flags: ['write'],
  categories: ['write', 'list', 'slow'],
  keys: NO_KEYS,
  getKeys: mpopKeys(1),
  docs: {
    summary:
      'Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.',
    since: '7.0.0',
    group: 'list',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
  },
  handler(ctx) {
    const parsed = parseMpop(ctx, 1);
    if (parsed === null) return;
    if (!popFirstNonEmpty(ctx, 2, parsed.numKeys, parsed.end, parsed.count)) ctx.reply.nullArray();
  },
} satisfies CommandSpec;
