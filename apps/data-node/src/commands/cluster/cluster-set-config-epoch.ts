// CLUSTER SET-CONFIG-EPOCH epoch: sets configEpoch on a node that knows no other node (redis-cli --cluster
// create gives each master its own).
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterSetConfigEpoch = {
  name: 'set-config-epoch',
  arity: 3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Set the configuration epoch in a new node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
