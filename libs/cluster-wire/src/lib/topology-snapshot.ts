// The TopologySnapshot (proto/tessera/cluster/v1/topology.proto) a gossip-agent pushes to its data-node, built
// from the agent's ClusterState: every node in state order (the CLUSTER NODES order) with its own configEpoch,
// liveness times, link, slots, shard id, offset and failure reports; myself's migrating/importing slots by slot
// ascending; currentEpoch and cluster health. The inverse, for the data-node, is state-from-snapshot.ts.
// Pure: no I/O; the build time and version come from the caller.
import type { ClusterNode, ClusterState, NodeId } from '@tessera/cluster-model';
import type { BusMessageCounters, SlotMigration, TopologyNode, TopologySnapshot } from '@tessera/proto';
import { converting } from './errors.js';
import { flagsToProto } from './node-flags.js';
import { slotSetFromBitmap } from './slot-set.js';
import { healthToProto, nodeIdToProto, uint64FromMs, uint64ToProto } from './wire-scalars.js';

/** What a snapshot carries besides the state. */
export interface SnapshotMeta {
  /** Random id of the agent process (16 lowercase hex or more), new at each agent start. */
  readonly agentInstanceId: string;
  /** Snapshot version within `agentInstanceId`: starts at 1, grows at every published change. */
  readonly version: bigint;
  /** When the agent built the snapshot, ms since the Unix epoch. */
  readonly builtAtMs: number;
  /**
   * The agent's bus message counters, in Redis's type order, zero counts included (CLUSTER INFO).
   * @default []
   */
  readonly busStats?: readonly BusMessageCounters[];
}

/**
 * The TopologySnapshot of `state`. Failure reports are those the state holds (CLUSTER COUNT-FAILURE-REPORTS
 * counts the ones younger than node-timeout x 2 at its own `now`). Throws WireError only for a model value
 * with no wire form (a negative time, an epoch outside uint64).
 */
export function topologySnapshot(state: ClusterState, meta: SnapshotMeta): TopologySnapshot {
  return converting('building a TopologySnapshot', () => ({
    agentInstanceId: meta.agentInstanceId,
    version: uint64ToProto(meta.version, 'version'),
    myselfId: nodeIdToProto(state.myselfId),
    currentEpoch: uint64ToProto(state.currentEpoch, 'currentEpoch'),
    state: healthToProto(state.health),
    nodes: [...state.nodes.values()].map((node) => topologyNode(node, node.id === state.myselfId)),
    migrating: slotMigrations(state.migratingTo),
    importing: slotMigrations(state.importingFrom),
    builtAtMs: uint64FromMs(meta.builtAtMs, 'builtAtMs'),
    busStats: (meta.busStats ?? []).map(({ type, sent, received }) => ({ type, sent, received })),
  }));
}

function topologyNode(node: ClusterNode, isMyself: boolean): TopologyNode {
  const what = `node ${node.id}`;
  return {
    id: nodeIdToProto(node.id),
    address: { ip: node.ip, port: node.port, busPort: node.busPort, hostname: node.hostname ?? '' },
    flags: flagsToProto(node.flags),
    masterId: node.masterId === null ? undefined : nodeIdToProto(node.masterId),
    configEpoch: uint64ToProto(node.configEpoch, `${what} configEpoch`),
    pingSentMs: uint64FromMs(node.pingSent, `${what} pingSent`),
    pongReceivedMs: uint64FromMs(node.pongReceived, `${what} pongReceived`),
    linkConnected: isMyself || node.link === 'connected',
    slots: slotSetFromBitmap(node.slots),
    shardId: node.shardId,
    humanNodename: '', // the model does not keep human node names yet
    replicationOffset: uint64ToProto(node.replicationOffset, `${what} replicationOffset`),
    failureReports: [...node.failureReports].map(([reporter, at]) => ({
      reporter: nodeIdToProto(reporter),
      reportedAtMs: uint64FromMs(at, `${what} failure report time`),
    })),
  };
}

function slotMigrations(migrations: ReadonlyMap<number, NodeId>): SlotMigration[] {
  return [...migrations]
    .sort(([a], [b]) => a - b)
    .map(([slot, peer]) => ({ slot, nodeId: nodeIdToProto(peer) }));
}
