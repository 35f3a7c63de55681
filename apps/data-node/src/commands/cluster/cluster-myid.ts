// CLUSTER MYID: this node's 40-hex id, a bulk string.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterMyid = {
  name: 'myid',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: { summary: 'Return the node id', since: '3.0.0', group: 'cluster', complexity: 'O(1)' },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router !== null) ctx.reply.bulk(router.view.myself.id);
  },
} satisfies CommandSpec;
