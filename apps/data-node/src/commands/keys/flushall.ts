// FLUSHALL [ASYNC|SYNC]: deletes every key.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { flushKeys } from './flush-keys.js';

export const flushall = {
  name: 'flushall',
  arity: -1,
  flags: ['write'],
  categories: ['keyspace', 'write', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Remove all keys from all databases',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
  },
  handler: flushKeys,
} satisfies CommandSpec;
