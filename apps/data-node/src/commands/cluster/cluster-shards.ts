// CLUSTER SHARDS: [{slots: [start, end, ...], nodes: [{id, port, ip, endpoint, hostname?, role,
// replication-offset, health}]}] (redis 7.0 clusterReplyShards): maps in RESP3, flat arrays in RESP2; ports,
// slots and offsets are integers, the rest bulk strings.
import { shardNodeFields } from '@tessera/cluster-model';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterShards = {
  name: 'shards',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Get array of cluster slots to node mappings',
    since: '7.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of cluster nodes',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router === null) return;
    const w = ctx.reply;
    const shards = router.view.clusterShards();
    w.arrayHeader(shards.length);
    for (const shard of shards) {
      w.mapHeader(2);
      w.bulk('slots');
      w.arrayHeader(shard.slots.length);
      for (const slot of shard.slots) w.integer(slot);
      w.bulk('nodes');
      w.arrayHeader(shard.nodes.length);
      for (const node of shard.nodes) {
        const fields = shardNodeFields(node);
        w.mapHeader(fields.length);
        for (const [key, value] of fields) {
          w.bulk(key);
          if (typeof value === 'string') w.bulk(value);
          else w.integer(value);
        }
      }
    }
  },
} satisfies CommandSpec;
