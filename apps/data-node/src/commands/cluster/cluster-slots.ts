// CLUSTER SLOTS: [[start, end, [endpoint, port, id, {meta}], replica...], ...] (redis 7.0
// clusterReplyMultiBulkSlots). The endpoint is NULL for unknown-endpoint; meta is a RESP3 map (RESP2: a flat
// array). ioredis, node-redis and redis-benchmark discover the cluster with it.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterSlots = {
  name: 'slots',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Get array of Cluster slot to node mappings',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of Cluster nodes',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router === null) return;
    const w = ctx.reply;
    const ranges = router.view.clusterSlots();
    w.arrayHeader(ranges.length);
    for (const range of ranges) {
      w.arrayHeader(2 + range.nodes.length);
      w.integer(range.start);
      w.integer(range.end);
      for (const node of range.nodes) {
        w.arrayHeader(4);
        if (node.endpoint === null) w.nullBulk();
        else w.bulk(node.endpoint);
        w.integer(node.port);
        w.bulk(node.id);
        w.mapHeader(node.meta.length);
        for (const [key, value] of node.meta) {
          w.bulk(key);
          w.bulk(value);
        }
      }
    }
  },
} satisfies CommandSpec;
