// SSUBSCRIBE shardchannel [shardchannel ...]: sharded pub/sub. The channels are keys for cluster routing,
// so all must hash to one slot (CROSSSLOT otherwise, in cluster mode).
import { ALL_KEYS, type CommandSpec } from '../command-spec.js';
import { subscriptionReply } from './subscription-replies.js';

export const ssubscribe = {
  name: 'ssubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: ALL_KEYS,
  docs: {
    summary: 'Listens for messages published to shard channels.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of shard channels to subscribe to.',
  },
  handler(ctx) {
    for (let i = 1; i < ctx.argc; i++) {
      const channel = ctx.arg(i);
      ctx.server.pubsub.ssubscribe(ctx.client, channel);
      subscriptionReply(ctx.client, 'ssubscribe', channel);
    }
  },
} satisfies CommandSpec;
