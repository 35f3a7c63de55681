// PUNSUBSCRIBE [pattern ...]: leaves the given patterns, or all of them.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const punsubscribe = {
  name: 'punsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Stops listening to messages published to channels that match one or more patterns.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of patterns to unsubscribe.',
  },
  handler(ctx) {
    const { client, server } = ctx;
    const patterns = ctx.argc > 1 ? ctx.args.slice(1).map((a) => a.toString('latin1')) : [...client.patterns];
    if (patterns.length === 0) {
      subscriptionReply(client, 'punsubscribe', null);
      return;
    }
    for (const pattern of patterns) {
      server.pubsub.punsubscribe(client, pattern);
      subscriptionReply(client, 'punsubscribe', pattern);
    }
  },
} satisfies CommandSpec;
