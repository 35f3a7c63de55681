// FLUSHDB [ASYNC|SYNC]: deletes every key of the (only) database.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { flushKeys } from './flush-keys.js';

export const flushdb = {
  name: 'flushdb',
  arity: -1,
  flags: ['write'],
  categories: ['keyspace', 'write', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Remove all keys from the current database',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of keys in the selected database',
  },
  handler: flushKeys,
} satisfies CommandSpec;
