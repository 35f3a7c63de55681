// Outbound cluster bus: one authenticated grpc-js channel per peer address (my "outbound link" to it, as
// bus.proto explains), and one unary call per Redis message, each with a deadline. Converts model messages
// to protobuf on the way out and the PONG replies back on the way in. Results are reported to the caller,
// which turns them into model transitions; nothing here changes cluster state.
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { ClusterNode, FailMessage, NodeId, PingMessage, UpdateMessage } from '@tessera/cluster-model';
import {
  decodePingMessage,
  encodeFailMessage,
  encodePingMessage,
  encodeUpdateMessage,
  type HeaderExtra,
} from '@tessera/cluster-wire';
import {
  AuthenticatedClient,
  ClusterBusServiceService,
  Header,
  type BusKey,
  type FailoverAuthRequest,
  type FailoverAuthResponse,
  type MfStartResponse,
  type PubSubMessage,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { BusStats } from './bus-stats.js';

/** What came of a PING or MEET. */
export type PingResult =
  | { readonly kind: 'pong'; readonly pong: PingMessage }
  /** No answer within the deadline: the PING stays pending (PFAIL after node-timeout). */
  | { readonly kind: 'timeout' }
  /** The peer cannot be reached (connection refused or reset): the link is lost. */
  | { readonly kind: 'unreachable' }
  /** The peer answered with a refusal (wrong secret, malformed message, forgotten node). */
  | { readonly kind: 'refused'; readonly reason: string };

export interface PeerLinksOptions {
  readonly keys: readonly BusKey[];
  readonly nodeTimeout: number;
  readonly stats: BusStats;
  /** Header fields the model's messages do not carry (cluster_state...). */
  readonly extras: () => HeaderExtra;
  /** This node's full header, for FAIL and UPDATE (their model messages carry only the epochs). */
  readonly senderHeader: () => Header;
  readonly log: Logger;
}

type BusClient = AuthenticatedClient<typeof ClusterBusServiceService>;

/** gRPC reconnects fast enough that a node coming back is pinged within a tick or two. */
const CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.min_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1000,
  'grpc.max_receive_message_length': 4 * 1024 * 1024,
  'grpc.max_send_message_length': 4 * 1024 * 1024,
};

export class PeerLinks {
  private readonly clients = new Map<string, BusClient>();
  private readonly addressOf = new Map<NodeId, string>();
  /** Pub/sub batches waiting per peer while one call is in flight (order is kept per peer). */
  private readonly publishQueues = new Map<
    string,
    { inFlight: boolean; queue: Array<{ sharded: boolean; messages: PubSubMessage[] }> }
  >();

  constructor(private readonly options: PeerLinksOptions) {}

  /** Opens the link to `node`; true once the channel is ready. */
  async connect(node: ClusterNode): Promise<boolean> {
    const address = busAddress(node);
    const previous = this.addressOf.get(node.id);
    if (previous !== undefined && previous !== address) this.close(node.id);
    this.addressOf.set(node.id, address);
    const client = this.client(address);
    try {
      await client.waitForReady(Date.now() + this.connectTimeout());
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the link to a node (its address changed, or it was forgotten). */
  close(nodeId: NodeId): void {
    const address = this.addressOf.get(nodeId);
    this.addressOf.delete(nodeId);
    if (address === undefined) return;
    for (const other of this.addressOf.values()) if (other === address) return; // still used
    this.clients.get(address)?.close();
    this.clients.delete(address);
  }

  closeAll(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
    this.addressOf.clear();
  }

  /** Sends a PING or MEET; the PONG comes back decoded, its empty ip filled with the address we dialed. */
  async ping(node: ClusterNode, message: PingMessage): Promise<PingResult> {
    const client = this.client(busAddress(node));
    const encoded = encodePingMessage(message, this.options.extras());
    const deadline = Date.now() + Math.max(500, this.options.nodeTimeout / 2);
    const meet = message.type === 'meet';
    this.options.stats.sent(meet ? 'meet' : 'ping');
    try {
      const reply = meet
        ? await client.unary('meet', { meet: encoded }, { deadline })
        : await client.unary('ping', { ping: encoded }, { deadline });
      if (reply.pong === undefined) return { kind: 'refused', reason: 'reply without a PONG' };
      this.options.stats.received('pong');
      // A PONG whose sender announces no ip comes from the address we dialed.
      return { kind: 'pong', pong: decodePingMessage(reply.pong, 'pong', { peerIp: node.ip }) };
    } catch (error) {
      return this.failure(node, error);
    }
  }

  /** An unsolicited PONG (config broadcast). */
  pong(node: ClusterNode, message: PingMessage): void {
    this.options.stats.sent('pong');
    this.fire(node, (client, deadline) =>
      client.unary('pong', { pong: encodePingMessage(message, this.options.extras()) }, { deadline }),
    );
  }

  fail(node: ClusterNode, message: FailMessage): void {
    this.options.stats.sent('fail');
    this.fire(node, (client, deadline) =>
      client.unary('fail', { fail: encodeFailMessage(message, this.options.senderHeader()) }, { deadline }),
    );
  }

  update(node: ClusterNode, message: UpdateMessage): void {
    this.options.stats.sent('update');
    this.fire(node, (client, deadline) =>
      client.unary(
        'update',
        { update: encodeUpdateMessage(message, this.options.senderHeader()) },
        { deadline },
      ),
    );
  }

  /**
   * FAILOVER_AUTH_REQUEST to a master (manual failover): its answer carries an ack when it votes. Rejects when
   * the call fails (the caller counts it as no vote). Never retried: a vote is spent.
   */
  async failoverAuth(
    node: ClusterNode,
    request: FailoverAuthRequest,
    deadline: number,
  ): Promise<FailoverAuthResponse> {
    this.options.stats.sent('auth-req');
    const reply = await this.client(busAddress(node)).unary('failoverAuth', request, { deadline });
    if (reply.ack !== undefined) this.options.stats.received('auth-ack');
    return reply;
  }

  /** MFSTART to my master: resolves once its writes are paused, with its final offset. */
  mfStart(node: ClusterNode, header: Header, deadline: number): Promise<MfStartResponse> {
    this.options.stats.sent('mfstart');
    return this.client(busAddress(node)).unary('mfStart', { mfStart: { header } }, { deadline });
  }

  /**
   * Pub/sub messages to one node, in order: one call in flight per peer, later batches wait and are merged.
   * `header` is the sender's (receivers drop messages from unknown senders).
   */
  publish(node: ClusterNode, sharded: boolean, messages: readonly PubSubMessage[], senderId: NodeId): void {
    const address = busAddress(node);
    let entry = this.publishQueues.get(address);
    if (entry === undefined) {
      entry = { inFlight: false, queue: [] };
      this.publishQueues.set(address, entry);
    }
    const last = entry.queue[entry.queue.length - 1];
    if (last !== undefined && last.sharded === sharded) last.messages.push(...messages);
    else entry.queue.push({ sharded, messages: [...messages] });
    this.drainPublish(node, entry, senderId);
  }

  private drainPublish(
    node: ClusterNode,
    entry: { inFlight: boolean; queue: Array<{ sharded: boolean; messages: PubSubMessage[] }> },
    senderId: NodeId,
  ): void {
    if (entry.inFlight) return;
    const batch = entry.queue.shift();
    if (batch === undefined) return;
    entry.inFlight = true;
    const client = this.client(busAddress(node));
    const deadline = Date.now() + Math.max(1000, this.options.nodeTimeout);
    const senderHeader = Header.fromPartial({ sender: { value: senderId } });
    this.options.stats.sent(batch.sharded ? 'publishshard' : 'publish', batch.messages.length);
    const call = batch.sharded
      ? client.unary(
          'publishShard',
          { publishShard: { header: senderHeader, messages: batch.messages } },
          { deadline },
        )
      : client.unary(
          'publish',
          { publish: { header: senderHeader, messages: batch.messages } },
          { deadline },
        );
    call
      .catch((error: unknown) => {
        this.options.log.debug({ nodeId: node.id, err: describe(error) }, 'publish to node failed');
      })
      .finally(() => {
        entry.inFlight = false;
        this.drainPublish(node, entry, senderId);
      });
  }

  /** A one-way message: sent with a deadline, failures only logged (the next PING tells the rest). */
  private fire(node: ClusterNode, send: (client: BusClient, deadline: number) => Promise<unknown>): void {
    const client = this.client(busAddress(node));
    send(client, Date.now() + Math.max(500, this.options.nodeTimeout / 2)).catch((error: unknown) => {
      this.options.log.debug({ nodeId: node.id, err: describe(error) }, 'bus message not delivered');
    });
  }

  private failure(node: ClusterNode, error: unknown): PingResult {
    const code = (error as Partial<ServiceError>).code;
    if (code === status.DEADLINE_EXCEEDED) return { kind: 'timeout' };
    if (code === status.UNAVAILABLE || code === status.CANCELLED) return { kind: 'unreachable' };
    const reason = describe(error);
    this.options.log.warn({ nodeId: node.id, address: busAddress(node), reason }, 'peer refused our message');
    return { kind: 'refused', reason };
  }

  private client(address: string): BusClient {
    let client = this.clients.get(address);
    if (client === undefined) {
      client = new AuthenticatedClient(ClusterBusServiceService, address, credentials.createInsecure(), {
        keys: this.options.keys,
        channelOptions: CHANNEL_OPTIONS,
      });
      this.clients.set(address, client);
    }
    return client;
  }

  private connectTimeout(): number {
    return Math.max(500, Math.min(this.options.nodeTimeout / 2, 5000));
  }
}

/** `ip:busPort`, IPv6 in brackets. */
export function busAddress(node: Pick<ClusterNode, 'ip' | 'busPort'>): string {
  return node.ip.includes(':') ? `[${node.ip}]:${node.busPort}` : `${node.ip}:${node.busPort}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
