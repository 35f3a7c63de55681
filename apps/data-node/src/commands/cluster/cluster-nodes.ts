// CLUSTER NODES: the topology as text, one line per known node, each ending in `\n` (the format redis-cli
// and redis-benchmark parse; cluster-model renders it). A bulk string, verbatim `txt` in RESP3 (Redis 7.0).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterNodes = {
  name: 'nodes',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Get Cluster config for the node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of Cluster nodes',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router !== null) ctx.reply.verbatim(router.view.clusterNodes());
  },
} satisfies CommandSpec;
