// Writing nodes.conf (redis `clusterSaveConfig`): the CLUSTER NODES lines without handshake nodes, with aux
// fields, then `vars currentEpoch <n> lastVoteEpoch <n>`; every line ends in `\n`. The agent writes it
// atomically (temp file, optional fsync, rename). Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import { inHandshake } from '../model/cluster-node.js';
import { formatNodeLine } from '../render/node-line.js';

export interface NodesConfFormatOptions {
  /**
   * Write Redis 7.2+ aux fields (`,<hostname>` placeholder and `,shard-id=<id>`), which keep shard ids across
   * restarts. `false` writes the Redis 7.0 format (no aux fields), which every Redis 7 loads as well.
   * @default true
   */
  readonly auxFields?: boolean;
}

export function formatNodesConf(state: ClusterState, options: NodesConfFormatOptions = {}): string {
  const auxFields = options.auxFields ?? true;
  let text = '';
  for (const node of state.nodes.values()) {
    if (inHandshake(node)) continue;
    text += `${formatNodeLine(state, node, { auxFields })}\n`;
  }
  return `${text}vars currentEpoch ${state.currentEpoch} lastVoteEpoch ${state.lastVoteEpoch}\n`;
}
