// CLUSTER DELSLOTS slot [slot ...]: unbinds slots (redis-cli --cluster fix sends it inside MULTI).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterDelslots = {
  name: 'delslots',
  arity: -3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Set hash slots as unbound in receiving node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of hash slot arguments',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
