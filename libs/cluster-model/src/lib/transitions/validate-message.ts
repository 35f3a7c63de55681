// Validation of inbound bus messages before any transition applies them (style rule 11: validate, then apply).
// Every field is checked for type and range: node ids are 40 lowercase hex, epochs are uint64 bigints, slot
// bitmaps are 2048 bytes, ports are 0..65535, addresses parse as IP text, hostnames use Redis's character set,
// the gossip section is bounded. A failure is a ClusterModelError (RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID),
// returned, never thrown into the agent. Pure: no I/O.
import { isSlotBitmap } from '@tessera/slot';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES, describeValue } from '../model/errors.js';
import { isEpoch } from '../model/epoch.js';
import { normalizeIp } from '../model/ip-address.js';
import { NODE_FLAGS } from '../model/node-flags.js';
import { isNodeId } from '../model/node-id.js';
import type { FailMessage, GossipEntry, PingMessage, UpdateMessage } from './messages.js';

/** Most gossip entries accepted in one message (Redis sends max(3, N/10) plus PFAIL nodes). */
export const MAX_GOSSIP_ENTRIES = 2048;
/** Most forgotten-node entries accepted in one message. */
export const MAX_FORGOTTEN_ENTRIES = 2048;
/** Longest hostname (redis NET_HOST_STR_LEN - 1). */
export const MAX_HOSTNAME_LENGTH = 255;
/** Largest replication offset (a signed 64-bit value in Redis). */
const MAX_OFFSET = 0x7fff_ffff_ffff_ffffn;
const HOSTNAME = /^[A-Za-z0-9.-]*$/;

type Problem = string | null;

/** `null` when `message` may be applied, else the typed error saying which field is wrong. */
export function validatePingMessage(message: PingMessage): ClusterModelError | null {
  return toError('PING/PONG/MEET', pingProblem(message));
}

export function validateFailMessage(message: FailMessage): ClusterModelError | null {
  return toError('FAIL', headerProblem(message) ?? idProblem(message.failing, 'failing'));
}

export function validateUpdateMessage(message: UpdateMessage): ClusterModelError | null {
  const problem =
    headerProblem(message) ??
    idProblem(message.nodeId, 'nodeId') ??
    epochProblem(message.nodeConfigEpoch, 'nodeConfigEpoch') ??
    (isSlotBitmap(message.slots) ? null : 'slots must be a 2048-byte slot bitmap');
  return toError('UPDATE', problem);
}

/** True when `hostname` may be announced: Redis's isValidAnnouncedHostname character set and length. */
export function isValidHostname(hostname: string): boolean {
  return hostname.length <= MAX_HOSTNAME_LENGTH && HOSTNAME.test(hostname);
}

function toError(type: string, problem: Problem): ClusterModelError | null {
  if (problem === null) return null;
  return new ClusterModelError(
    CLUSTER_MODEL_ERROR_CODES.MESSAGE_INVALID,
    `invalid ${type} message: ${problem}`,
  );
}

function pingProblem(message: PingMessage): Problem {
  if (message === null || typeof message !== 'object') return 'not an object';
  if (message.type !== 'ping' && message.type !== 'pong' && message.type !== 'meet') {
    return `type must be ping, pong or meet, got ${describeValue(message.type)}`;
  }
  return (
    headerProblem(message) ??
    (message.masterId === null ? null : idProblem(message.masterId, 'masterId')) ??
    (message.masterId === message.sender ? 'masterId names the sender itself' : null) ??
    (isSlotBitmap(message.slots) ? null : 'slots must be a 2048-byte slot bitmap') ??
    flagsProblem(message.flags, 'flags') ??
    offsetProblem(message.replicationOffset) ??
    addressProblem(message.ip, message.port, message.busPort, 'sender', false) ??
    (message.hostname === undefined ||
    (typeof message.hostname === 'string' && isValidHostname(message.hostname))
      ? null
      : 'hostname may only contain letters, digits, hyphens and dots (at most 255)') ??
    (message.shardId === undefined ? null : idProblem(message.shardId, 'shardId')) ??
    gossipProblem(message.gossip) ??
    forgottenProblem(message.forgotten)
  );
}

function headerProblem(message: { sender: unknown; currentEpoch: unknown; configEpoch: unknown }): Problem {
  if (message === null || typeof message !== 'object') return 'not an object';
  return (
    idProblem(message.sender, 'sender') ??
    epochProblem(message.currentEpoch, 'currentEpoch') ??
    epochProblem(message.configEpoch, 'configEpoch')
  );
}

function idProblem(value: unknown, what: string): Problem {
  return isNodeId(value) ? null : `${what} must be 40 lowercase hex characters`;
}

function epochProblem(value: unknown, what: string): Problem {
  return isEpoch(value) ? null : `${what} must be a bigint in 0..2^64-1`;
}

function offsetProblem(value: unknown): Problem {
  return typeof value === 'bigint' && value >= 0n && value <= MAX_OFFSET
    ? null
    : 'replicationOffset must be a bigint in 0..2^63-1';
}

function flagsProblem(flags: unknown, what: string): Problem {
  if (!Array.isArray(flags) || flags.length > Object.keys(NODE_FLAGS).length * 2)
    return `${what} must be a short array`;
  for (const flag of flags) {
    if (typeof flag !== 'string' || !Object.hasOwn(NODE_FLAGS, flag)) return `${what} has an unknown flag`;
  }
  return null;
}

function portProblem(port: unknown, what: string): Problem {
  return Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535
    ? null
    : `${what} must be an integer in 0..65535`;
}

function addressProblem(
  ip: unknown,
  port: unknown,
  busPort: unknown,
  what: string,
  allowEmptyIp: boolean,
): Problem {
  if (typeof ip !== 'string' || ((ip !== '' || !allowEmptyIp) && normalizeIp(ip) === null)) {
    return `${what} ip must be an IPv4 or IPv6 address`;
  }
  return portProblem(port, `${what} port`) ?? portProblem(busPort, `${what} busPort`);
}

function timeProblem(value: unknown, what: string): Problem {
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? null
    : `${what} must be a non-negative integer`;
}

function gossipProblem(gossip: unknown): Problem {
  if (!Array.isArray(gossip)) return 'gossip must be an array';
  if (gossip.length > MAX_GOSSIP_ENTRIES) return `gossip has more than ${MAX_GOSSIP_ENTRIES} entries`;
  for (let i = 0; i < gossip.length; i++) {
    const entry = gossip[i] as GossipEntry;
    if (entry === null || typeof entry !== 'object') return `gossip[${i}] is not an object`;
    const problem =
      idProblem(entry.id, `gossip[${i}].id`) ??
      addressProblem(entry.ip, entry.port, entry.busPort, `gossip[${i}]`, true) ??
      flagsProblem(entry.flags, `gossip[${i}].flags`) ??
      timeProblem(entry.pingSent, `gossip[${i}].pingSent`) ??
      timeProblem(entry.pongReceived, `gossip[${i}].pongReceived`);
    if (problem) return problem;
  }
  return null;
}

function forgottenProblem(forgotten: unknown): Problem {
  if (forgotten === undefined) return null;
  if (!Array.isArray(forgotten)) return 'forgotten must be an array';
  if (forgotten.length > MAX_FORGOTTEN_ENTRIES)
    return `forgotten has more than ${MAX_FORGOTTEN_ENTRIES} entries`;
  for (let i = 0; i < forgotten.length; i++) {
    const entry = forgotten[i] as { id: unknown; ttlMs: unknown };
    if (entry === null || typeof entry !== 'object') return `forgotten[${i}] is not an object`;
    const problem =
      idProblem(entry.id, `forgotten[${i}].id`) ?? timeProblem(entry.ttlMs, `forgotten[${i}].ttlMs`);
    if (problem) return problem;
  }
  return null;
}
