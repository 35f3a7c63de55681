// SAVE: refused with an explicit error, because the data-node has no persistence yet. Answering OK would
// make operators and tools believe the data is on disk.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';

export const save = {
  name: 'save',
  arity: 1,
  flags: ['admin', 'noscript', 'no_multi'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Synchronously saves the database(s) to disk.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
  },
  handler(ctx) {
    ctx.error(Err.persistenceNotSupported('SAVE'));
  },
} satisfies CommandSpec;
