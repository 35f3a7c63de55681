// SPUBLISH shardchannel message: delivers to the shard channel's subscribers (slot-local in a cluster). With a
// gossip-agent the message also goes to the other nodes of the shard (replicas); the reply counts local ones.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';

export const spublish = {
  name: 'spublish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'],
  categories: ['pubsub', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Post a message to a shard channel',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
  },
  handler(ctx) {
    const hub = ctx.server.pubsub;
    const message = ctx.args[2] as Buffer;
    ctx.reply.integer(hub.spublish(ctx.arg(1), message));
    hub.publishHook?.published(ctx.args[1] as Buffer, message, true);
  },
} satisfies CommandSpec;
