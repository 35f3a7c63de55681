// PUBLISH channel message: delivers to channel and pattern subscribers; replies how many received it. In cluster
// mode with a gossip-agent the message also goes to every other node (the reply still counts only local
// receivers, as in Redis).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const publish = {
  name: 'publish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'],
  categories: ['pubsub', 'fast'],
  keys: NO_KEYS,
  docs: {
    summary: 'Posts a message to a channel.',
    since: '2.0.0',
    group: 'pubsub',
    complexity:
      'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).',
  },
  handler(ctx) {
    const hub = ctx.server.pubsub;
    const message = ctx.args[2] as Buffer;
    ctx.reply.integer(hub.publish(ctx.arg(1), message));
    hub.publishHook?.published(ctx.args[1] as Buffer, message, false);
  },
} satisfies CommandSpec;
