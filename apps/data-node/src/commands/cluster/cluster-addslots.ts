// CLUSTER ADDSLOTS slot [slot ...]: claims unassigned slots for myself (redis-cli --cluster create sends one
// ADDSLOTS with every slot of a master).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterAddslots = {
  name: 'addslots',
  arity: -3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Assign new hash slots to receiving node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of hash slot arguments',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
