// CLUSTER REPLICAS node-id: the replicas of a master, as CLUSTER NODES lines.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { replyReplicas } from './reply-replicas.js';

export const clusterReplicas = {
  name: 'replicas',
  arity: 3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'List replica nodes of the specified master node',
    since: '5.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: replyReplicas,
} satisfies CommandSpec;
