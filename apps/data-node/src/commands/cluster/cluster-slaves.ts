// CLUSTER SLAVES node-id: the old name of CLUSTER REPLICAS (deprecated since Redis 5.0), same reply.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { replyReplicas } from './reply-replicas.js';

export const clusterSlaves = {
  name: 'slaves',
  arity: 3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'List replica nodes of the specified master node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler: replyReplicas,
} satisfies CommandSpec;
