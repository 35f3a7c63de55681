// CLUSTER REPLICAS / CLUSTER SLAVES node-id (redis src/cluster.c 7.0): the CLUSTER NODES lines of a master's
// replicas (an array of bulk strings, each line without `\n`). Refused for an unknown id and for a replica.
// Pure: no I/O.
import { isReplica } from '../model/cluster-node.js';
import { replicasOf, type ClusterState } from '../model/cluster-state.js';
import { ClusterCommandError } from '../model/errors.js';
import { formatNodeLine } from './node-line.js';

export type ReplicasOutcome =
  | { readonly ok: true; readonly lines: readonly string[] }
  | { readonly ok: false; readonly error: ClusterCommandError };

export function renderClusterReplicas(state: ClusterState, nodeId: string): ReplicasOutcome {
  const node = state.nodes.get(nodeId);
  if (!node) return { ok: false, error: new ClusterCommandError(`ERR Unknown node ${nodeId}`) };
  if (isReplica(node))
    return { ok: false, error: new ClusterCommandError('ERR The specified node is not a master') };
  return { ok: true, lines: replicasOf(state, node).map((replica) => formatNodeLine(state, replica)) };
}
