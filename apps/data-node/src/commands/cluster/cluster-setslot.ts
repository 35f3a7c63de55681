// CLUSTER SETSLOT slot IMPORTING id | MIGRATING id | STABLE | NODE id: migration states and hand-over of a
// slot (redis-cli --cluster reshard/rebalance/fix).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterSetslot = {
  name: 'setslot',
  arity: -4,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Bind a hash slot to a specific node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
