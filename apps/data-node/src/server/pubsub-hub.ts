// Pub/Sub routing: channel, pattern and shard-channel subscriptions of every client, and delivery of
// published messages as RESP2 arrays or RESP3 push frames. Glob matching of patterns is `globMatch`.
// In cluster mode with a gossip-agent, PUBLISH and SPUBLISH also hand their message to `publishHook` so it
// reaches the other nodes; messages from other nodes are delivered here with publish/spublish, which never
// call the hook (no echo back out).
import { globMatch } from '../util/glob-match.js';
import type { ClientState } from './client-state.js';

/** Receives every message this node's clients publish (cluster mode with a gossip-agent). */
export interface PublishHook {
  /** `channel` and `message` may be views of a socket chunk: copy them to keep them. */
  published(channel: Buffer, message: Buffer, sharded: boolean): void;
}

export class PubSubHub {
  readonly channels = new Map<string, Set<ClientState>>();
  readonly patterns = new Map<string, Set<ClientState>>();
  readonly shardChannels = new Map<string, Set<ClientState>>();
  /** Where PUBLISH and SPUBLISH also send their message; null in standalone mode (no cost there). */
  publishHook: PublishHook | null = null;

  subscribe(client: ClientState, channel: string): boolean {
    return add(this.channels, client.channels, client, channel);
  }

  unsubscribe(client: ClientState, channel: string): boolean {
    return remove(this.channels, client.channels, client, channel);
  }

  psubscribe(client: ClientState, pattern: string): boolean {
    return add(this.patterns, client.patterns, client, pattern);
  }

  punsubscribe(client: ClientState, pattern: string): boolean {
    return remove(this.patterns, client.patterns, client, pattern);
  }

  ssubscribe(client: ClientState, channel: string): boolean {
    return add(this.shardChannels, client.shardChannels, client, channel);
  }

  sunsubscribe(client: ClientState, channel: string): boolean {
    return remove(this.shardChannels, client.shardChannels, client, channel);
  }

  /** Delivers to channel and pattern subscribers; returns the number of receivers (PUBLISH's reply). */
  publish(channel: string, message: string | Buffer): number {
    let receivers = 0;
    const subscribers = this.channels.get(channel);
    if (subscribers !== undefined) {
      for (const client of subscribers) {
        deliver(client, 'message', null, channel, message);
        receivers++;
      }
    }
    if (this.patterns.size !== 0) {
      for (const [pattern, clients] of this.patterns) {
        if (!globMatch(pattern, channel)) continue;
        for (const client of clients) {
          deliver(client, 'pmessage', pattern, channel, message);
          receivers++;
        }
      }
    }
    return receivers;
  }

  /** Delivers to shard-channel subscribers (SPUBLISH). */
  spublish(channel: string, message: string | Buffer): number {
    const subscribers = this.shardChannels.get(channel);
    if (subscribers === undefined) return 0;
    for (const client of subscribers) deliver(client, 'smessage', null, channel, message);
    return subscribers.size;
  }

  /** Drops every subscription of a disconnecting client. */
  removeClient(client: ClientState): void {
    for (const channel of client.channels) this.channels.get(channel)?.delete(client);
    for (const pattern of client.patterns) this.patterns.get(pattern)?.delete(client);
    for (const channel of client.shardChannels) this.shardChannels.get(channel)?.delete(client);
    prune(this.channels, client.channels);
    prune(this.patterns, client.patterns);
    prune(this.shardChannels, client.shardChannels);
    client.channels.clear();
    client.patterns.clear();
    client.shardChannels.clear();
  }
}

function deliver(
  client: ClientState,
  kind: string,
  pattern: string | null,
  channel: string,
  message: string | Buffer,
): void {
  const w = client.writer;
  w.pushHeader(pattern === null ? 3 : 4);
  w.bulk(kind);
  if (pattern !== null) w.bulk(pattern);
  w.bulk(channel);
  w.bulk(message);
  client.requestFlush();
}

function add(
  index: Map<string, Set<ClientState>>,
  own: Set<string>,
  client: ClientState,
  name: string,
): boolean {
  if (own.has(name)) return false;
  own.add(name);
  let clients = index.get(name);
  if (clients === undefined) index.set(name, (clients = new Set()));
  clients.add(client);
  return true;
}

function remove(
  index: Map<string, Set<ClientState>>,
  own: Set<string>,
  client: ClientState,
  name: string,
): boolean {
  if (!own.delete(name)) return false;
  const clients = index.get(name);
  clients?.delete(client);
  if (clients?.size === 0) index.delete(name);
  return true;
}

function prune(index: Map<string, Set<ClientState>>, names: Set<string>): void {
  for (const name of names) if (index.get(name)?.size === 0) index.delete(name);
}
