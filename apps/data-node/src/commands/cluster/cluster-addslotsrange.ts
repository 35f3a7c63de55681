// CLUSTER ADDSLOTSRANGE start end [start end ...]: ADDSLOTS by ranges (Redis 7.0).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterAddslotsrange = {
  name: 'addslotsrange',
  arity: -4,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Assign new hash slots to receiving node',
    since: '7.0.0',
    group: 'cluster',
    complexity:
      'O(N) where N is the total number of the slots between the start slot and end slot arguments.',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
