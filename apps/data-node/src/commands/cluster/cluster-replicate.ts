// CLUSTER REPLICATE node-id: makes myself a replica of a known master (`ERR Unknown node <id>` otherwise).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterReplicate = {
  name: 'replicate',
  arity: 3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Reconfigure a node as a replica of the specified master node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
