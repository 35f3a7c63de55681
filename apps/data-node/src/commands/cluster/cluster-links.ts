// CLUSTER LINKS: the bus links of this node, each a map of direction, node, create-time, events,
// send-buffer-allocated and send-buffer-used (redis 7.0 addReplyClusterLinkDescription). The links belong to
// the gossip-agent; with the in-process agent link there is no bus, so the list is empty.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterLinks = {
  name: 'links',
  arity: 2,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns a list of all TCP links to and from peer nodes in cluster',
    since: '7.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the total number of Cluster nodes',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router === null) return;
    const w = ctx.reply;
    const links = router.view.links();
    w.arrayHeader(links.length);
    for (const link of links) {
      w.mapHeader(6);
      w.bulk('direction');
      w.bulk(link.direction);
      w.bulk('node');
      w.bulk(link.node);
      w.bulk('create-time');
      w.integer(link.createTime);
      w.bulk('events');
      w.bulk(link.events);
      w.bulk('send-buffer-allocated');
      w.integer(link.sendBufferAllocated);
      w.bulk('send-buffer-used');
      w.integer(link.sendBufferUsed);
    }
  },
} satisfies CommandSpec;
