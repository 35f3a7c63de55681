// CLUSTER INFO: cluster_state, slot counts, known nodes, size, epochs and bus counters as CRLF lines
// (cluster-model renders them; ioredis's ready check reads cluster_state). Verbatim `txt` in RESP3.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterInfo = {
  name: 'info',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Provides info about Redis Cluster node state',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router !== null) ctx.reply.verbatim(router.view.clusterInfo());
  },
} satisfies CommandSpec;
