// The confirmation replies of (P|S)SUBSCRIBE and (P|S)UNSUBSCRIBE: [kind, name, count] per channel, as a
// RESP3 push or a RESP2 array (redis src/pubsub.c addReplyPubsubSubscribed and friends). The count is
// channels + patterns for the classic kinds and shard channels for the sharded ones.
import type { ClientState } from '../../server/client-state.js';

export type SubscriptionKind =
  'subscribe' | 'unsubscribe' | 'psubscribe' | 'punsubscribe' | 'ssubscribe' | 'sunsubscribe';

export function subscriptionReply(client: ClientState, kind: SubscriptionKind, name: string | null): void {
  const w = client.writer;
  const count =
    kind === 'ssubscribe' || kind === 'sunsubscribe'
      ? client.shardChannels.size
      : client.channels.size + client.patterns.size;
  w.pushHeader(3);
  w.bulk(kind);
  if (name === null) w.nullBulk();
  else w.bulk(name);
  w.integer(count);
}
