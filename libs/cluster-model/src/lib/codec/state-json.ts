// JSON export and import of a whole ClusterState: everything nodes.conf keeps plus what it does not (failure
// reports, liveness times, replication offsets, cluster_state, the FORGET blacklist, options), for the
// monitor-api, debugging and tests. Epochs and offsets travel as decimal strings (uint64 exceed 2^53), slots as
// CLUSTER NODES range text. Import validates every field and the slot table's consistency and throws
// ClusterModelError RC_ERR_CLUSTER_MODEL_STATE_JSON_INVALID naming the field. Pure: no I/O.
import {
  bitmapFromRanges,
  countSlots,
  formatRanges,
  parseRangeToken,
  rangesFromBitmap,
  SLOT_COUNT,
  SlotError,
} from '@tessera/slot';
import { resolveOptions, type ClusterOptions } from '../model/cluster-options.js';
import type { ClusterNode, LinkState } from '../model/cluster-node.js';
import type { ClusterHealth, ClusterState } from '../model/cluster-state.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from '../model/errors.js';
import { parseEpoch } from '../model/epoch.js';
import { NODE_FLAGS, normalizeFlags, type NodeFlag } from '../model/node-flags.js';
import { isNodeId, type NodeId } from '../model/node-id.js';
import { isValidHostname } from '../transitions/validate-message.js';
import { normalizeIp } from '../model/ip-address.js';

/** `format` of the JSON document. */
export const STATE_JSON_FORMAT = 'tessera.cluster-state';
/** `version` of the JSON document this lib writes and reads. */
export const STATE_JSON_VERSION = 1;

export function exportStateJson(state: ClusterState): string {
  return JSON.stringify({
    format: STATE_JSON_FORMAT,
    version: STATE_JSON_VERSION,
    myselfId: state.myselfId,
    currentEpoch: state.currentEpoch.toString(),
    lastVoteEpoch: state.lastVoteEpoch.toString(),
    health: state.health,
    size: state.size,
    minoritySince: state.minoritySince,
    firstEvaluationAt: state.firstEvaluationAt,
    options: state.options,
    nodes: [...state.nodes.values()].map((node) => ({
      id: node.id,
      ip: node.ip,
      port: node.port,
      busPort: node.busPort,
      ...(node.hostname ? { hostname: node.hostname } : {}),
      flags: node.flags,
      meetPending: node.meetPending,
      masterId: node.masterId,
      pingSent: node.pingSent,
      pongReceived: node.pongReceived,
      dataReceived: node.dataReceived,
      failTime: node.failTime,
      createdAt: node.createdAt,
      configEpoch: node.configEpoch.toString(),
      link: node.link,
      linkSince: node.linkSince,
      slots: formatRanges(rangesFromBitmap(node.slots)),
      failureReports: [...node.failureReports],
      shardId: node.shardId,
      replicationOffset: node.replicationOffset.toString(),
    })),
    migrating: [...state.migratingTo],
    importing: [...state.importingFrom],
    blacklist: [...state.blacklist],
    failoverVotes: [...state.failoverVotes].map(([masterId, vote]) => [
      masterId,
      { at: vote.at, candidateId: vote.candidateId, epoch: vote.epoch.toString() },
    ]),
  });
}

export function importStateJson(text: string): ClusterState {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw invalid(`not JSON (${(error as Error).message})`, error);
  }
  const root = record(doc, 'document');
  if (root.format !== STATE_JSON_FORMAT || root.version !== STATE_JSON_VERSION) {
    throw invalid(`format must be ${STATE_JSON_FORMAT} version ${STATE_JSON_VERSION}`);
  }
  const myselfId = nodeId(root.myselfId, 'myselfId');
  const nodes = new Map<NodeId, ClusterNode>();
  const owners: (NodeId | null)[] = new Array<NodeId | null>(SLOT_COUNT).fill(null);
  array(root.nodes, 'nodes').forEach((value, index) => {
    const node = readNode(value, `nodes[${index}]`);
    if (nodes.has(node.id)) throw invalid(`nodes[${index}].id ${node.id} appears twice`);
    for (const { start, end } of rangesFromBitmap(node.slots)) {
      for (let slot = start; slot <= end; slot++) {
        if (owners[slot] !== null) throw invalid(`slot ${slot} is served by two nodes`);
        owners[slot] = node.id;
      }
    }
    nodes.set(node.id, node);
  });
  if (!nodes.has(myselfId)) throw invalid('myselfId names no node');
  const health = root.health;
  if (health !== 'ok' && health !== 'fail') throw invalid('health must be ok or fail');
  return {
    options: readOptions(root.options),
    myselfId,
    nodes,
    slotOwners: owners,
    currentEpoch: epoch(root.currentEpoch, 'currentEpoch'),
    lastVoteEpoch: epoch(root.lastVoteEpoch, 'lastVoteEpoch'),
    migratingTo: slotMap(root.migrating, 'migrating', nodes),
    importingFrom: slotMap(root.importing, 'importing', nodes),
    health: health as ClusterHealth,
    size: count(root.size, 'size'),
    blacklist: new Map(
      array(root.blacklist, 'blacklist').map((entry, i) => {
        const [id, expiresAt] = pair(entry, `blacklist[${i}]`);
        return [nodeId(id, `blacklist[${i}][0]`), count(expiresAt, `blacklist[${i}][1]`)] as const;
      }),
    ),
    minoritySince: count(root.minoritySince, 'minoritySince'),
    firstEvaluationAt: count(root.firstEvaluationAt, 'firstEvaluationAt'),
    // Optional: documents written before votes were kept have none.
    failoverVotes: new Map(
      (root.failoverVotes === undefined ? [] : array(root.failoverVotes, 'failoverVotes')).map((entry, i) => {
        const [masterId, value] = pair(entry, `failoverVotes[${i}]`);
        const vote = record(value, `failoverVotes[${i}][1]`);
        return [
          nodeId(masterId, `failoverVotes[${i}][0]`),
          {
            at: count(vote.at, `failoverVotes[${i}][1].at`),
            candidateId: nodeId(vote.candidateId, `failoverVotes[${i}][1].candidateId`),
            epoch: epoch(vote.epoch, `failoverVotes[${i}][1].epoch`),
          },
        ] as const;
      }),
    ),
  };
}

function readNode(value: unknown, path: string): ClusterNode {
  const n = record(value, path);
  const ip = string(n.ip, `${path}.ip`);
  if (ip !== '' && normalizeIp(ip) === null) throw invalid(`${path}.ip is not an IP address`);
  const hostname = n.hostname === undefined ? undefined : string(n.hostname, `${path}.hostname`);
  if (hostname !== undefined && (hostname === '' || !isValidHostname(hostname))) {
    throw invalid(`${path}.hostname has characters Redis does not allow`);
  }
  const flags = array(n.flags, `${path}.flags`).map((flag) => {
    if (typeof flag !== 'string' || !Object.hasOwn(NODE_FLAGS, flag))
      throw invalid(`${path}.flags has an unknown flag`);
    return flag as NodeFlag;
  });
  const link = n.link;
  if (link !== 'connected' && link !== 'disconnected')
    throw invalid(`${path}.link must be connected or disconnected`);
  let slots: Uint8Array;
  try {
    const text = string(n.slots, `${path}.slots`);
    slots = bitmapFromRanges(text === '' ? [] : text.split(' ').map(parseRangeToken));
  } catch (error) {
    if (error instanceof SlotError) throw invalid(`${path}.slots: ${error.message}`, error);
    throw error;
  }
  if (typeof n.meetPending !== 'boolean') throw invalid(`${path}.meetPending must be a boolean`);
  const node: ClusterNode = {
    id: nodeId(n.id, `${path}.id`),
    ip,
    port: port(n.port, `${path}.port`),
    busPort: port(n.busPort, `${path}.busPort`),
    flags: normalizeFlags(flags),
    meetPending: n.meetPending,
    masterId: n.masterId === null ? null : nodeId(n.masterId, `${path}.masterId`),
    pingSent: count(n.pingSent, `${path}.pingSent`),
    pongReceived: count(n.pongReceived, `${path}.pongReceived`),
    dataReceived: count(n.dataReceived, `${path}.dataReceived`),
    failTime: count(n.failTime, `${path}.failTime`),
    createdAt: count(n.createdAt, `${path}.createdAt`),
    configEpoch: epoch(n.configEpoch, `${path}.configEpoch`),
    link: link as LinkState,
    linkSince: count(n.linkSince, `${path}.linkSince`),
    slots,
    slotCount: countSlots(slots),
    failureReports: new Map(
      array(n.failureReports, `${path}.failureReports`).map((entry, i) => {
        const [id, time] = pair(entry, `${path}.failureReports[${i}]`);
        return [
          nodeId(id, `${path}.failureReports[${i}][0]`),
          count(time, `${path}.failureReports[${i}][1]`),
        ] as const;
      }),
    ),
    shardId: nodeId(n.shardId, `${path}.shardId`),
    replicationOffset: epoch(n.replicationOffset, `${path}.replicationOffset`),
  };
  return hostname === undefined ? node : { ...node, hostname };
}

function readOptions(value: unknown): ClusterOptions {
  const o = record(value, 'options');
  const bool = (v: unknown, what: string): boolean => {
    if (typeof v !== 'boolean') throw invalid(`options.${what} must be a boolean`);
    return v;
  };
  if (o.announceIp !== null && (typeof o.announceIp !== 'string' || normalizeIp(o.announceIp) === null)) {
    throw invalid('options.announceIp must be null or an IP address');
  }
  try {
    return resolveOptions({
      nodeTimeout: count(o.nodeTimeout, 'options.nodeTimeout'),
      requireFullCoverage: bool(o.requireFullCoverage, 'requireFullCoverage'),
      allowReplicaMigration: bool(o.allowReplicaMigration, 'allowReplicaMigration'),
      replicaNoFailover: bool(o.replicaNoFailover, 'replicaNoFailover'),
      announceIp: o.announceIp as string | null,
      ...(o.replicaValidityFactor === undefined
        ? {}
        : { replicaValidityFactor: count(o.replicaValidityFactor, 'options.replicaValidityFactor') }),
      ...(o.migrationBarrier === undefined
        ? {}
        : { migrationBarrier: count(o.migrationBarrier, 'options.migrationBarrier') }),
    });
  } catch (error) {
    throw invalid((error as Error).message, error);
  }
}

function slotMap(value: unknown, path: string, nodes: ReadonlyMap<NodeId, ClusterNode>): Map<number, NodeId> {
  return new Map(
    array(value, path).map((entry, i) => {
      const [slot, id] = pair(entry, `${path}[${i}]`);
      if (!Number.isInteger(slot) || (slot as number) < 0 || (slot as number) >= SLOT_COUNT) {
        throw invalid(`${path}[${i}][0] is not a slot`);
      }
      const peer = nodeId(id, `${path}[${i}][1]`);
      if (!nodes.has(peer)) throw invalid(`${path}[${i}][1] names no node`);
      return [slot as number, peer] as const;
    }),
  );
}

function invalid(message: string, cause?: unknown): ClusterModelError {
  return new ClusterModelError(
    CLUSTER_MODEL_ERROR_CODES.STATE_JSON_INVALID,
    `cluster state JSON: ${message}`,
    cause === undefined ? undefined : { cause },
  );
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${path} must be an array`);
  return value;
}

function pair(value: unknown, path: string): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) throw invalid(`${path} must be a pair`);
  return value as [unknown, unknown];
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(`${path} must be a string`);
  return value;
}

function nodeId(value: unknown, path: string): NodeId {
  if (!isNodeId(value)) throw invalid(`${path} must be 40 lowercase hex characters`);
  return value;
}

function epoch(value: unknown, path: string): bigint {
  const parsed = typeof value === 'string' ? parseEpoch(value) : null;
  if (parsed === null) throw invalid(`${path} must be a uint64 in decimal text`);
  return parsed;
}

function count(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw invalid(`${path} must be a non-negative integer`);
  return value as number;
}

function port(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65535) {
    throw invalid(`${path} must be in 0..65535`);
  }
  return value as number;
}
