// SUBSCRIBE channel [channel ...]: one confirmation per channel; the connection enters the pub/sub context.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const subscribe = {
  name: 'subscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Listens for messages published to channels.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of channels to subscribe to.',
  },
  handler(ctx) {
    for (let i = 1; i < ctx.argc; i++) {
      const channel = ctx.arg(i);
      ctx.server.pubsub.subscribe(ctx.client, channel);
      subscriptionReply(ctx.client, 'subscribe', channel);
    }
  },
} satisfies CommandSpec;
