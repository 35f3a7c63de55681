// The data-node's side of the Attach stream: a received TopologySnapshot back into a full, internally
// consistent ClusterState of @tessera/cluster-model, so the routing view and the CLUSTER NODES/SLOTS/SHARDS
// renderings run on the model's own types. Fields the snapshot does not carry get neutral values (dataReceived =
// pongReceived; failTime, createdAt, linkSince, minoritySince, firstEvaluationAt 0; meetPending false; no
// blacklist; lastVoteEpoch 0, no failover votes). Every reference must resolve: myself, masters, failure reporters and migration
// peers are nodes of the snapshot, no id appears twice, no slot has two owners. Anything else is a WireError
// naming the field. Pure: no I/O.
import {
  isValidHostname,
  normalizeFlags,
  normalizeIp,
  type ClusterNode,
  type ClusterOptions,
  type ClusterState,
  type NodeId,
} from '@tessera/cluster-model';
import type { SlotMigration, TopologyNode, TopologySnapshot } from '@tessera/proto';
import { countSlots, isValidSlot, rangesFromBitmap, SLOT_COUNT } from '@tessera/slot';
import { converting, describeValue, WireError } from './errors.js';
import { flagsFromProto } from './node-flags.js';
import { bitmapFromSlotSet } from './slot-set.js';
import {
  healthFromProto,
  msFromUint64,
  nodeIdFromProto,
  optionalNodeIdFromProto,
  portFromProto,
  shardIdFromProto,
  uint64FromProto,
} from './wire-scalars.js';

const ROOT = 'TopologySnapshot';

/**
 * The ClusterState a TopologySnapshot describes, with `options` as its cluster options. Health comes from
 * `state` (UNSPECIFIED or unknown: `fail`, as topology.proto says), `size` is the number of masters serving at
 * least one slot, a node without a shard id takes its master's (or its own id). Throws only WireError.
 */
export function stateFromSnapshot(snapshot: TopologySnapshot, options: ClusterOptions): ClusterState {
  return converting(`reading a ${ROOT}`, () => {
    if (snapshot === null || typeof snapshot !== 'object') throw new WireError(`${ROOT} is not a message`);
    const myselfId = nodeIdFromProto(snapshot.myselfId, `${ROOT}.myself_id`);
    const nodes = new Map<NodeId, ClusterNode>();
    const slotOwners = new Array<NodeId | null>(SLOT_COUNT).fill(null);
    const withoutShard = new Set<NodeId>();
    list(snapshot.nodes, `${ROOT}.nodes`).forEach((proto: TopologyNode, index) => {
      const path = `${ROOT}.nodes[${index}]`;
      const { node, shardKnown } = readNode(proto, path, myselfId);
      if (nodes.has(node.id)) throw new WireError(`${path}.id ${node.id} appears twice`);
      for (const { start, end } of rangesFromBitmap(node.slots)) {
        for (let slot = start; slot <= end; slot++) {
          const owner = slotOwners[slot];
          if (owner) throw new WireError(`${path} claims slot ${slot}, already served by ${owner}`);
          slotOwners[slot] = node.id;
        }
      }
      if (!shardKnown) withoutShard.add(node.id);
      nodes.set(node.id, node);
    });
    if (!nodes.has(myselfId)) throw new WireError(`${ROOT}.myself_id ${myselfId} is not among the nodes`);
    checkReferences(nodes, withoutShard);
    let size = 0;
    for (const node of nodes.values()) if (node.flags.includes('master') && node.slotCount > 0) size++;
    return {
      options,
      myselfId,
      nodes,
      slotOwners,
      currentEpoch: uint64FromProto(snapshot.currentEpoch, `${ROOT}.current_epoch`),
      lastVoteEpoch: 0n,
      failoverVotes: new Map(),
      migratingTo: readMigrations(snapshot.migrating, `${ROOT}.migrating`, nodes),
      importingFrom: readMigrations(snapshot.importing, `${ROOT}.importing`, nodes),
      health: healthFromProto(snapshot.state) ?? 'fail',
      size,
      blacklist: new Map(),
      minoritySince: 0,
      firstEvaluationAt: 0,
    };
  });
}

function readNode(
  proto: TopologyNode,
  path: string,
  myselfId: NodeId,
): { node: ClusterNode; shardKnown: boolean } {
  if (proto === null || typeof proto !== 'object') throw new WireError(`${path} is not a message`);
  const id = nodeIdFromProto(proto.id, `${path}.id`);
  const isMyself = id === myselfId;
  const address = proto.address ?? { ip: '', port: 0, busPort: 0, hostname: '' };
  const ip = address.ip === '' ? '' : normalizeIp(String(address.ip));
  if (ip === null)
    throw new WireError(
      `${path}.address.ip must be empty or an IP address, got ${describeValue(address.ip)}`,
    );
  const hostname: unknown = address.hostname;
  if (typeof hostname !== 'string' || !isValidHostname(hostname)) {
    throw new WireError(
      `${path}.address.hostname may only hold letters, digits, hyphens and dots (at most 255)`,
    );
  }
  const masterId = optionalNodeIdFromProto(proto.masterId, `${path}.master_id`);
  if (masterId === id) throw new WireError(`${path}.master_id names the node itself`);
  const shardId = shardIdFromProto(proto.shardId, `${path}.shard_id`);
  const slots = bitmapFromSlotSet(proto.slots, `${path}.slots`);
  const pongReceived = msFromUint64(proto.pongReceivedMs, `${path}.pong_received_ms`);
  const flags = flagsFromProto(list(proto.flags, `${path}.flags`));
  const node: ClusterNode = {
    id,
    ip,
    port: portFromProto(address.port, `${path}.address.port`),
    busPort: portFromProto(address.busPort, `${path}.address.bus_port`),
    ...(hostname === '' ? {} : { hostname }),
    flags: isMyself ? normalizeFlags([...flags, 'myself']) : flags,
    meetPending: false,
    masterId,
    pingSent: msFromUint64(proto.pingSentMs, `${path}.ping_sent_ms`),
    pongReceived,
    dataReceived: pongReceived,
    failTime: 0,
    createdAt: 0,
    configEpoch: uint64FromProto(proto.configEpoch, `${path}.config_epoch`),
    link: isMyself || proto.linkConnected === true ? 'connected' : 'disconnected',
    linkSince: 0,
    slots,
    slotCount: countSlots(slots),
    failureReports: readFailureReports(proto.failureReports, `${path}.failure_reports`),
    shardId: shardId ?? id,
    replicationOffset: uint64FromProto(proto.replicationOffset, `${path}.replication_offset`),
  };
  return { node, shardKnown: shardId !== undefined };
}

function readFailureReports(reports: TopologyNode['failureReports'], path: string): Map<NodeId, number> {
  const byReporter = new Map<NodeId, number>();
  list(reports, path).forEach((report, index) => {
    if (report === null || typeof report !== 'object')
      throw new WireError(`${path}[${index}] is not a message`);
    const reporter = nodeIdFromProto(report.reporter, `${path}[${index}].reporter`);
    if (byReporter.has(reporter)) throw new WireError(`${path}[${index}].reporter ${reporter} appears twice`);
    byReporter.set(reporter, msFromUint64(report.reportedAtMs, `${path}[${index}].reported_at_ms`));
  });
  return byReporter;
}

/** Masters and failure reporters must be nodes of the snapshot; replicas without a shard id take their master's. */
function checkReferences(nodes: Map<NodeId, ClusterNode>, withoutShard: ReadonlySet<NodeId>): void {
  for (const node of nodes.values()) {
    if (node.masterId !== null && !nodes.has(node.masterId)) {
      throw new WireError(
        `${ROOT}: node ${node.id} replicates ${node.masterId}, which is not among the nodes`,
      );
    }
    for (const reporter of node.failureReports.keys()) {
      if (!nodes.has(reporter)) {
        throw new WireError(
          `${ROOT}: a failure report about ${node.id} comes from ${reporter}, which is not among the nodes`,
        );
      }
    }
  }
  for (const id of withoutShard) {
    const node = nodes.get(id) as ClusterNode;
    const master = node.masterId === null ? undefined : nodes.get(node.masterId);
    if (master && node.flags.includes('replica')) nodes.set(id, { ...node, shardId: master.shardId });
  }
}

function readMigrations(
  migrations: readonly SlotMigration[] | undefined,
  path: string,
  nodes: ReadonlyMap<NodeId, ClusterNode>,
): Map<number, NodeId> {
  const bySlot: [number, NodeId][] = [];
  const seen = new Set<number>();
  list(migrations, path).forEach((migration, index) => {
    if (migration === null || typeof migration !== 'object')
      throw new WireError(`${path}[${index}] is not a message`);
    const slot: unknown = migration.slot;
    if (!isValidSlot(slot))
      throw new WireError(`${path}[${index}].slot must be in 0..16383, got ${describeValue(slot)}`);
    if (seen.has(slot)) throw new WireError(`${path}[${index}].slot ${slot} appears twice`);
    const peer = nodeIdFromProto(migration.nodeId, `${path}[${index}].node_id`);
    if (!nodes.has(peer)) throw new WireError(`${path}[${index}].node_id ${peer} is not among the nodes`);
    seen.add(slot);
    bySlot.push([slot, peer]);
  });
  return new Map(bySlot.sort(([a], [b]) => a - b));
}

/** A repeated field as an array (absent: empty); WireError when it is something else. */
function list<T>(value: readonly T[] | undefined, path: string): readonly T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new WireError(`${path} must be a list`);
  return value;
}
