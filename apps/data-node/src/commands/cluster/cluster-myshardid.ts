// CLUSTER MYSHARDID (Redis 7.2): the id of the shard this node belongs to, a bulk string.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterMyshardid = {
  name: 'myshardid',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: { summary: 'Returns the shard ID of a node.', since: '7.2.0', group: 'cluster', complexity: 'O(1)' },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router !== null) ctx.reply.bulk(router.view.myself.shardId);
  },
} satisfies CommandSpec;
