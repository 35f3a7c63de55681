// Inbound cluster bus: the ClusterBusService handlers. The proof of the cluster secret was checked by
// authenticatedService before any byte was decoded; here each message is converted (a malformed one is
// refused with INVALID_ARGUMENT and counted, never thrown further), its sender's empty ip is filled with
// the connection's peer address as Redis does, and it is handed to the node. Status codes: bus.proto.
import { status } from '@grpc/grpc-js';
import { buildPingMessage, normalizeIp, type ModelEnv } from '@tessera/cluster-model';
import {
  decodeFailoverAuthRequest,
  decodeFailMessage,
  decodePingMessage,
  decodeUpdateMessage,
  encodeHeader,
  encodePingMessage,
  type HeaderExtra,
} from '@tessera/cluster-wire';
import {
  CallRejectedError,
  type AuthenticatedImplementation,
  type ClusterBusServiceService,
  type Meet,
  type MfStartResponse,
  type Ping,
  type PubSubMessage,
  type UnaryCallContext,
} from '@tessera/proto';
import type { AgentNode } from '../node/agent-node.js';
import type { BusStats } from './bus-stats.js';

type BusImplementation = AuthenticatedImplementation<typeof ClusterBusServiceService>;

export interface BusServiceDeps {
  readonly node: AgentNode;
  readonly stats: BusStats;
  readonly extras: () => HeaderExtra;
  /** Pub/sub messages for the data-node's subscribers. */
  readonly deliver: (sharded: boolean, messages: readonly PubSubMessage[]) => void;
  readonly env: ModelEnv;
  /** MFSTART from one of my replicas (manual-failover.ts): pause, answer with the final offset. */
  readonly mfStart: (senderId: string) => Promise<MfStartResponse>;
}

export function busService(deps: BusServiceDeps): BusImplementation {
  const { node, stats } = deps;
  const pingLike = (type: 'ping' | 'meet', proto: Ping | Meet | undefined, context: UnaryCallContext) => {
    if (node.silent)
      throw new CallRejectedError(status.UNAVAILABLE, 'this node is not serving (no data-node)');
    const message = decoded(stats, () => decodePingMessage(need(proto), type, peerOption(context.peer)));
    stats.received(type);
    const receipt = node.receivePing(message, { direction: 'inbound', localIp: hostIp(context.host) });
    if (!receipt.ok) throw refused(stats, status.PERMISSION_DENIED, receipt.reason);
    stats.sent('pong');
    return { pong: encodePingMessage(receipt.pong, deps.extras()) };
  };
  const knownSender = (sender: string): void => {
    if (!node.state.nodes.has(sender)) {
      throw refused(stats, status.PERMISSION_DENIED, `unknown sender ${sender}`);
    }
  };
  return {
    ping: (request, context) => pingLike('ping', request.ping, context),
    meet: (request, context) => pingLike('meet', request.meet, context),
    pong: (request, context) => {
      if (node.silent)
        throw new CallRejectedError(status.UNAVAILABLE, 'this node is not serving (no data-node)');
      const message = decoded(stats, () =>
        decodePingMessage(need(request.pong), 'pong', peerOption(context.peer)),
      );
      knownSender(message.sender);
      stats.received('pong');
      node.receive({ kind: 'pong', message });
      return {};
    },
    fail: (request) => {
      const message = decoded(stats, () => decodeFailMessage(need(request.fail)));
      knownSender(message.sender);
      stats.received('fail');
      node.receive({ kind: 'fail', message });
      return {};
    },
    update: (request) => {
      const message = decoded(stats, () => decodeUpdateMessage(need(request.update)));
      knownSender(message.sender);
      stats.received('update');
      node.receive({ kind: 'update', message });
      return {};
    },
    publish: (request) => {
      const publish = need(request.publish);
      knownSender(publish.header?.sender?.value ?? '');
      stats.received('publish', publish.messages.length);
      deps.deliver(false, publish.messages);
      return {};
    },
    publishShard: (request) => {
      const publish = need(request.publishShard);
      knownSender(publish.header?.sender?.value ?? '');
      stats.received('publishshard', publish.messages.length);
      deps.deliver(true, publish.messages);
      return {};
    },
    // FAILOVER_AUTH_REQUEST from a replica running its own election (manual failover): Redis's vote rules,
    // the vote epoch saved (fsync) before the ack leaves. No ack: the vote is not granted.
    failoverAuth: (request, context) => {
      if (node.silent)
        throw new CallRejectedError(status.UNAVAILABLE, 'this node is not serving (no data-node)');
      const vote = decoded(stats, () => decodeFailoverAuthRequest(request, peerOption(context.peer).peerIp));
      knownSender(vote.candidateId);
      stats.received('auth-req');
      const outcome = node.vote(vote);
      if (!outcome.granted) return {};
      stats.sent('auth-ack');
      const header = encodeHeader(buildPingMessage(node.state, 'ping', deps.env), deps.extras());
      return { ack: { header } };
    },
    mfStart: async (request) => {
      if (node.silent)
        throw new CallRejectedError(status.UNAVAILABLE, 'this node is not serving (no data-node)');
      const sender = need(request.mfStart).header?.sender?.value ?? '';
      knownSender(sender);
      stats.received('mfstart');
      return deps.mfStart(sender);
    },
  };
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new CallRejectedError(status.INVALID_ARGUMENT, 'message body missing');
  return value;
}

/** Runs a decoder; any failure is an INVALID_ARGUMENT refusal, counted. */
function decoded<T>(stats: BusStats, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof CallRejectedError) {
      stats.reject('invalid-argument');
      throw error;
    }
    throw refused(stats, status.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
  }
}

function refused(stats: BusStats, code: status, detail: string): CallRejectedError {
  stats.reject(code === status.PERMISSION_DENIED ? 'permission-denied' : 'invalid-argument');
  return new CallRejectedError(code, detail);
}

/** A sender that announces no ip is reached at the connection's peer address (Redis: the link's address). */
function peerOption(peer: string): { peerIp?: string } {
  const ip = peerIp(peer);
  return ip === null ? {} : { peerIp: ip };
}

/** `ipv4:10.0.0.5:51234` / `ipv6:[::1]:51234` -> the ip, normalized. */
export function peerIp(peer: string): string | null {
  const text = peer.replace(/^ipv[46]:/, '');
  const match = /^\[([^\]]+)\]:\d+$/.exec(text) ?? /^([^:]+):\d+$/.exec(text);
  return match === null ? null : normalizeIp(match[1] as string);
}

/** The `:authority` a caller dialed (`10.0.0.7:17000`, `[::1]:17000`) -> its ip, or undefined for a name. */
export function hostIp(host: string): string | undefined {
  const match = /^\[([^\]]+)\](?::\d+)?$/.exec(host) ?? /^([^:]+)(?::\d+)?$/.exec(host);
  return match === null ? undefined : (normalizeIp(match[1] as string) ?? undefined);
}
