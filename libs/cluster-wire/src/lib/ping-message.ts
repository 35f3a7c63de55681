// PING, PONG and MEET (bus.proto Ping/Pong/Meet: one Header, the gossip section, the forgotten nodes) to and
// from the model's PingMessage. The three messages have the same fields, so one encoder serves them all and the
// decoder takes the type from the RPC the message arrived on. Decoding checks the shape here (ids, slot sets,
// uint64 times, BUS_LIMITS entry counts) and then runs the model's validatePingMessage, so a caller sees one
// error type, WireError, whatever the input. Pure: no I/O.
import {
  validatePingMessage,
  type ForgottenNode,
  type GossipEntry,
  type PingMessage,
} from '@tessera/cluster-model';
import {
  BUS_LIMITS,
  type ForgottenNode as ProtoForgottenNode,
  type GossipEntry as ProtoGossipEntry,
  type Meet,
  type Ping,
  type Pong,
} from '@tessera/proto';
import { converting, throwIfRefused, WireError } from './errors.js';
import { decodeHeader, encodeHeader, type HeaderExtra } from './header.js';
import { flagsFromProto, flagsToProto } from './node-flags.js';
import { msFromUint64, nodeIdFromProto, nodeIdToProto, portFromProto, uint64FromMs } from './wire-scalars.js';

/** Options of {@link decodePingMessage}. */
export interface DecodePingOptions {
  /**
   * The connection's peer address: taken as the sender's ip when `header.address.ip` is empty (a sender without
   * cluster-announce-ip, as Redis fills myip from the socket). Without it an empty ip is refused.
   * @default undefined
   */
  readonly peerIp?: string;
}

const MESSAGE_NAMES = { ping: 'Ping', pong: 'Pong', meet: 'Meet' } as const;

/**
 * The Ping (or Pong, or Meet: same fields) of a model PING/PONG/MEET. `extra` fills the Header fields the model
 * does not hold (the sender's cluster state, manual-failover pause, human node name).
 */
export function encodePingMessage(message: PingMessage, extra: HeaderExtra): Ping {
  return converting(`encoding a ${message.type} message`, () => ({
    header: encodeHeader(message, extra),
    gossip: message.gossip.map(gossipToProto),
    forgotten: (message.forgotten ?? []).map(forgottenToProto),
  }));
}

/**
 * The model message of a received Ping, Pong or Meet, validated by the model (`validatePingMessage`). Throws
 * WireError, and nothing else, for anything that is not a valid message: a missing header, an id that is not 40
 * lowercase hex, a bad slot set, a time above 2^53-1 ms, more than BUS_LIMITS entries, or a validator refusal.
 * Flags the model does not know are dropped; an empty hostname or shard id means none.
 */
export function decodePingMessage(
  proto: Ping | Pong | Meet,
  type: PingMessage['type'],
  options: DecodePingOptions = {},
): PingMessage {
  const name = MESSAGE_NAMES[type] ?? 'Ping';
  return converting(`decoding a ${name}`, () => {
    if (proto === null || typeof proto !== 'object') throw new WireError(`${name} is not a message`);
    const gossip = boundedList(proto.gossip, `${name}.gossip`, BUS_LIMITS.maxGossipEntries);
    const forgotten = boundedList(proto.forgotten, `${name}.forgotten`, BUS_LIMITS.maxForgottenEntries);
    const sender = decodeHeader(proto.header, name, options.peerIp);
    const decodedForgotten = forgotten.map((entry, i) =>
      forgottenFromProto(entry, `${name}.forgotten[${i}]`),
    );
    const message: PingMessage = {
      type,
      ...sender,
      gossip: gossip.map((entry, i) => gossipFromProto(entry, `${name}.gossip[${i}]`)),
      ...(decodedForgotten.length > 0 ? { forgotten: decodedForgotten } : {}),
    };
    throwIfRefused(validatePingMessage(message));
    return message;
  });
}

function gossipToProto(entry: GossipEntry): ProtoGossipEntry {
  return {
    nodeId: nodeIdToProto(entry.id),
    pingSentMs: uint64FromMs(entry.pingSent, 'gossip pingSent'),
    pongReceivedMs: uint64FromMs(entry.pongReceived, 'gossip pongReceived'),
    // Gossip carries no hostname (Redis's clusterMsgDataGossip has none).
    address: { ip: entry.ip, port: entry.port, busPort: entry.busPort, hostname: '' },
    flags: flagsToProto(entry.flags),
  };
}

function forgottenToProto(entry: ForgottenNode): ProtoForgottenNode {
  return { nodeId: nodeIdToProto(entry.id), ttlMs: uint64FromMs(entry.ttlMs, 'forgotten ttlMs') };
}

function gossipFromProto(entry: ProtoGossipEntry, path: string): GossipEntry {
  if (entry === null || typeof entry !== 'object') throw new WireError(`${path} is not a message`);
  if (!Array.isArray(entry.flags)) throw new WireError(`${path}.flags must be a list`);
  const address = entry.address ?? { ip: '', port: 0, busPort: 0, hostname: '' };
  if (typeof address.ip !== 'string') throw new WireError(`${path}.address.ip must be a string`);
  return {
    id: nodeIdFromProto(entry.nodeId, `${path}.node_id`),
    ip: address.ip,
    port: portFromProto(address.port, `${path}.address.port`),
    busPort: portFromProto(address.busPort, `${path}.address.bus_port`),
    flags: flagsFromProto(entry.flags),
    pingSent: msFromUint64(entry.pingSentMs, `${path}.ping_sent_ms`),
    pongReceived: msFromUint64(entry.pongReceivedMs, `${path}.pong_received_ms`),
  };
}

function forgottenFromProto(entry: ProtoForgottenNode, path: string): ForgottenNode {
  if (entry === null || typeof entry !== 'object') throw new WireError(`${path} is not a message`);
  return {
    id: nodeIdFromProto(entry.nodeId, `${path}.node_id`),
    ttlMs: msFromUint64(entry.ttlMs, `${path}.ttl_ms`),
  };
}

/** `list` when it is an array of at most `max` entries (checked before any per-entry work), else WireError. */
function boundedList<T>(list: readonly T[] | undefined, what: string, max: number): readonly T[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new WireError(`${what} must be a list`);
  if (list.length > max) throw new WireError(`${what} has ${list.length} entries, more than ${max}`);
  return list;
}
