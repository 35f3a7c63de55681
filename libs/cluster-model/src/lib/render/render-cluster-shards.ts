// CLUSTER SHARDS as a plain structure the data-node encodes to RESP (redis src/cluster.c 7.0
// `clusterReplyShards`, `addShardReplyForClusterShards`, `addNodeDetailsToShardReply`):
//   [{slots: [start, end, ...], nodes: [{id, port, ip, endpoint, hostname?, role, replication-offset, health}]}]
// One shard per master (slotless masters too, with empty slots), in node order; the master first, then all its
// replicas. health: `fail` for a FAIL node, `loading` for a replica with offset 0, else `online`.
// Pure: no I/O.
import { rangesFromBitmap } from '@tessera/slot';
import { isFailed, isMaster, isReplica, type ClusterNode } from '../model/cluster-node.js';
import { replicasOf, type ClusterState } from '../model/cluster-state.js';
import type { NodeId } from '../model/node-id.js';
import { preferredEndpoint, type EndpointOptions, type PreferredEndpointType } from './endpoint.js';

export const SHARD_NODE_HEALTH = {
  /** Reachable and serving. */
  online: 'online',
  /** FAIL. */
  fail: 'fail',
  /** A replica that has not loaded any data yet (offset 0). */
  loading: 'loading',
} as const;

export type ShardNodeHealth = (typeof SHARD_NODE_HEALTH)[keyof typeof SHARD_NODE_HEALTH];

export interface ShardNode {
  readonly id: NodeId;
  readonly port: number;
  readonly ip: string;
  /** Preferred endpoint (`""` for unknown-endpoint). */
  readonly endpoint: string;
  /** Present only when the node announces one. */
  readonly hostname?: string;
  readonly role: 'master' | 'replica';
  readonly replicationOffset: bigint;
  readonly health: ShardNodeHealth;
}

export interface Shard {
  /** Slot ranges as flat start/end pairs, ascending: `[0, 5460, 5462, 5462]`. */
  readonly slots: readonly number[];
  readonly nodes: readonly ShardNode[];
}

export function renderClusterShards(state: ClusterState, options: EndpointOptions = {}): Shard[] {
  const type = options.preferredEndpointType ?? 'ip';
  const shards: Shard[] = [];
  for (const node of state.nodes.values()) {
    if (!isMaster(node)) continue;
    const slots =
      node.slotCount === 0 ? [] : rangesFromBitmap(node.slots).flatMap(({ start, end }) => [start, end]);
    const members = [node, ...replicasOf(state, node)];
    shards.push({ slots, nodes: members.map((member) => shardNode(member, type)) });
  }
  return shards;
}

/** A shard node as the ordered key/value pairs CLUSTER SHARDS replies with (RESP map, or flat array in RESP2). */
export function shardNodeFields(node: ShardNode): [key: string, value: string | number | bigint][] {
  const fields: [string, string | number | bigint][] = [
    ['id', node.id],
    ['port', node.port],
    ['ip', node.ip],
    ['endpoint', node.endpoint],
  ];
  if (node.hostname) fields.push(['hostname', node.hostname]);
  fields.push(['role', node.role], ['replication-offset', node.replicationOffset], ['health', node.health]);
  return fields;
}

function shardNode(node: ClusterNode, type: PreferredEndpointType): ShardNode {
  const health: ShardNodeHealth = isFailed(node)
    ? 'fail'
    : isReplica(node) && node.replicationOffset === 0n
      ? 'loading'
      : 'online';
  return {
    id: node.id,
    port: node.port,
    ip: node.ip,
    endpoint: preferredEndpoint(node, type) ?? '',
    ...(node.hostname ? { hostname: node.hostname } : {}),
    role: isReplica(node) ? 'replica' : 'master',
    replicationOffset: node.replicationOffset,
    health,
  };
}
