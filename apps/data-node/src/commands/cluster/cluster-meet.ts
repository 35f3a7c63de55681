// CLUSTER MEET ip port [cport]: starts a handshake with another node. More than 5 words fall through to
// Redis's subcommand syntax error.
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardUpTo } from './forward-to-agent.js';

export const clusterMeet = {
  name: 'meet',
  arity: -4,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Force a node cluster to handshake with another node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardUpTo(5),
} satisfies CommandSpec;
