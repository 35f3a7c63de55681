// CLUSTER FLUSHSLOTS: unassigns every slot of myself (the database must be empty).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterFlushslots = {
  name: 'flushslots',
  arity: 2,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: "Delete a node's own slots information",
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
