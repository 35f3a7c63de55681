// CLUSTER KEYSLOT key: the hash slot of the key's bytes, hash tags included (@tessera/slot).
import { keySlot } from '@tessera/slot';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterKeyslot = {
  name: 'keyslot',
  arity: 3,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns the hash slot of the specified key',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the number of bytes in the key',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) !== null) ctx.reply.integer(keySlot(ctx.args[2] as Buffer));
  },
} satisfies CommandSpec;
