// CLUSTER SLOTS as a plain structure the data-node encodes to RESP (redis src/cluster.c 7.0
// `clusterReplyMultiBulkSlots`, `addNodeReplyForClusterSlot`, `addNodeToNodeReply`):
//   [[start, end, [endpoint, port, id, {meta}], [replica...]...], ...]
// - one entry per maximal run of slots with the same owner, in slot order;
// - the master first, then its available replicas (not FAIL, replication offset != 0);
// - every node entry has 4 elements (redis-benchmark needs the id); `meta` holds `ip` when the endpoint is not
//   the IP and `hostname` when the node has one and the endpoint is not the hostname (a RESP3 map, or a flat
//   array in RESP2).
// Pure: no I/O.
import { SLOT_COUNT } from '@tessera/slot';
import { isFailed, type ClusterNode } from '../model/cluster-node.js';
import { replicasOf, type ClusterState } from '../model/cluster-state.js';
import type { NodeId } from '../model/node-id.js';
import { preferredEndpoint, type EndpointOptions, type PreferredEndpointType } from './endpoint.js';

export interface ClusterSlotsNode {
  /** Preferred endpoint; `null` for unknown-endpoint (RESP NULL). */
  readonly endpoint: string | null;
  readonly port: number;
  readonly id: NodeId;
  /** Extra networking metadata as ordered key/value pairs: `ip`, then `hostname`. */
  readonly meta: readonly (readonly [key: string, value: string])[];
}

export interface ClusterSlotsRange {
  readonly start: number;
  readonly end: number;
  /** The master, then its available replicas. */
  readonly nodes: readonly ClusterSlotsNode[];
}

export function renderClusterSlots(state: ClusterState, options: EndpointOptions = {}): ClusterSlotsRange[] {
  const type = options.preferredEndpointType ?? 'ip';
  const ranges: ClusterSlotsRange[] = [];
  let start = 0;
  for (let slot = 1; slot <= SLOT_COUNT; slot++) {
    const owner = state.slotOwners[start] ?? null;
    if (slot < SLOT_COUNT && state.slotOwners[slot] === owner) continue;
    const master = owner === null ? undefined : state.nodes.get(owner);
    if (master) ranges.push({ start, end: slot - 1, nodes: slotNodes(state, master, type) });
    start = slot;
  }
  return ranges;
}

function slotNodes(
  state: ClusterState,
  master: ClusterNode,
  type: PreferredEndpointType,
): ClusterSlotsNode[] {
  const available = replicasOf(state, master).filter((r) => !isFailed(r) && r.replicationOffset !== 0n);
  return [master, ...available].map((node) => slotsNode(node, type));
}

function slotsNode(node: ClusterNode, type: PreferredEndpointType): ClusterSlotsNode {
  const meta: [string, string][] = [];
  if (type !== 'ip') meta.push(['ip', node.ip]);
  if (type !== 'hostname' && node.hostname) meta.push(['hostname', node.hostname]);
  return { endpoint: preferredEndpoint(node, type), port: node.port, id: node.id, meta };
}
