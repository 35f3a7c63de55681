// UNSUBSCRIBE [channel ...]: leaves the given channels, or all of them; with none subscribed it still
// confirms once with a null channel.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const unsubscribe = {
  name: 'unsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Stops listening to messages posted to channels.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of channels to unsubscribe.',
  },
  handler(ctx) {
    const { client, server } = ctx;
    const channels = ctx.argc > 1 ? ctx.args.slice(1).map((a) => a.toString('latin1')) : [...client.channels];
    if (channels.length === 0) {
      subscriptionReply(client, 'unsubscribe', null);
      return;
    }
    for (const channel of channels) {
      server.pubsub.unsubscribe(client, channel);
      subscriptionReply(client, 'unsubscribe', channel);
    }
  },
} satisfies CommandSpec;
