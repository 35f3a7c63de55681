// CLUSTER RESET [HARD|SOFT]: forgets every other node and unassigns my slots (a master must hold no keys).
// More than 3 words fall through to Redis's subcommand syntax error.
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardUpTo } from './forward-to-agent.js';

export const clusterReset = {
  name: 'reset',
  arity: -2,
  flags: ['admin', 'noscript', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Reset a Redis Cluster node',
    since: '3.0.0',
    group: 'cluster',
    complexity:
      'O(N) where N is the number of known nodes. The command may execute a FLUSHALL as a side effect.',
  },
  handler: forwardUpTo(3),
} satisfies CommandSpec;
