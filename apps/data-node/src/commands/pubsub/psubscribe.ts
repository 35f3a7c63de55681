// PSUBSCRIBE pattern [pattern ...]: subscribes to every channel matching the glob patterns.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const psubscribe = {
  name: 'psubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Listens for messages published to channels that match one or more patterns.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of patterns to subscribe to.',
  },
  handler(ctx) {
    for (let i = 1; i < ctx.argc; i++) {
      const pattern = ctx.arg(i);
      ctx.server.pubsub.psubscribe(ctx.client, pattern);
      subscriptionReply(ctx.client, 'psubscribe', pattern);
    }
  },
} satisfies CommandSpec;
