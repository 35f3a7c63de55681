// CLUSTER FAILOVER [FORCE|TAKEOVER]: a replica takes over its master. More than 3 words fall through to
// Redis's subcommand syntax error.
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardUpTo } from './forward-to-agent.js';

export const clusterFailover = {
  name: 'failover',
  arity: -2,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Forces a replica to perform a manual failover of its master.',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardUpTo(3),
} satisfies CommandSpec;
