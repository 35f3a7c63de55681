// The small CLUSTER queries about one node (redis src/cluster.c 7.0): MYID (bulk string), MYSHARDID (7.2,
// bulk string) and COUNT-FAILURE-REPORTS node-id (integer: valid reports, not older than node-timeout * 2;
// `ERR Unknown node <id>` otherwise). Pure: no I/O; the time is passed in.
import { myself, type ClusterState } from '../model/cluster-state.js';
import { ClusterCommandError } from '../model/errors.js';
import type { NodeId } from '../model/node-id.js';
import { validFailureReports } from '../transitions/failure-detection.js';

/** CLUSTER MYID. */
export function renderMyId(state: ClusterState): NodeId {
  return state.myselfId;
}

/** CLUSTER MYSHARDID. */
export function renderMyShardId(state: ClusterState): NodeId {
  return myself(state).shardId;
}

export type CountOutcome =
  { readonly ok: true; readonly count: number } | { readonly ok: false; readonly error: ClusterCommandError };

/** CLUSTER COUNT-FAILURE-REPORTS node-id, at time `now` (ms). */
export function renderCountFailureReports(state: ClusterState, nodeId: string, now: number): CountOutcome {
  const node = state.nodes.get(nodeId);
  if (!node) return { ok: false, error: new ClusterCommandError(`ERR Unknown node ${nodeId}`) };
  return { ok: true, count: validFailureReports(node, now, state.options.nodeTimeout) };
}
