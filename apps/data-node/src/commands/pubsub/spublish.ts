// SPUBLISH shardchannel message: delivers to the shard channel's subscribers (slot-local in a cluster).
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
    ctx.reply.integer(ctx.server.pubsub.spublish(ctx.arg(1), ctx.args[2] as Buffer));
  },
} satisfies CommandSpec;
