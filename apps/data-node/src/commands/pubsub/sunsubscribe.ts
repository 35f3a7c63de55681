// SUNSUBSCRIBE [shardchannel ...]: leaves the given shard channels, or all of them.
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const sunsubscribe = {
  name: 'sunsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Stops listening to messages posted to shard channels.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of shard channels to unsubscribe.',
  },
  handler(ctx) {
    const { client, server } = ctx;
    const channels =
      ctx.argc > 1 ? ctx.args.slice(1).map((a) => a.toString('latin1')) : [...client.shardChannels];
    if (channels.length === 0) {
      subscriptionReply(client, 'sunsubscribe', null);
      return;
    }
    for (const channel of channels) {
      server.pubsub.sunsubscribe(client, channel);
      subscriptionReply(client, 'sunsubscribe', channel);
    }
  },
} satisfies CommandSpec;
