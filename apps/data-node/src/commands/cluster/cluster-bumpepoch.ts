// CLUSTER BUMPEPOCH: a new configEpoch without consensus; `+BUMPED <epoch>` or `+STILL <epoch>`.
// Forwarded to the agent link: the configuration belongs to the gossip-agent.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { forwardToAgent } from './forward-to-agent.js';

export const clusterBumpepoch = {
  name: 'bumpepoch',
  arity: 2,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Advance the cluster config epoch',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: forwardToAgent,
} satisfies CommandSpec;
