// CLUSTER NODES (redis `clusterGenNodesDescription` with no filter): one line per known node, handshake nodes
// included, each ending in `\n`, the last one too (redis-cli and redis-benchmark drop a last line without it).
// The data-node sends the text as a bulk string (RESP3: verbatim `txt`). Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import { formatNodeLine } from './node-line.js';

export function renderClusterNodes(state: ClusterState): string {
  let text = '';
  for (const node of state.nodes.values()) text += `${formatNodeLine(state, node)}\n`;
  return text;
}
