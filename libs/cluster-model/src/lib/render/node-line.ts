// One node line, the shared grammar of CLUSTER NODES and nodes.conf (redis `clusterGenNodeDescription`):
//   <id> <ip>:<port>@<cport>[,<hostname>][aux] <flags> <master|-> <ping_sent> <pong_recv> <epoch> <link> <slots>...
// - flags in table order, `noflags` when none; a replica's epoch column is its master's configEpoch;
// - slots as canonical maximal ranges (`0-5460 5462`), so every node prints byte-identical tokens;
// - `[slot->-id]` / `[slot-<-id]` only on myself's line; `connected` always for myself;
// - aux fields (`,shard-id=...`) only in nodes.conf (an empty `,` stands for a missing hostname there).
// No line terminator here: callers append `\n`. Pure: no I/O.
import { formatRange, rangesFromBitmap, SLOT_COUNT } from '@tessera/slot';
import type { ClusterNode } from '../model/cluster-node.js';
import { effectiveConfigEpoch, type ClusterState } from '../model/cluster-state.js';
import { formatFlags } from '../model/node-flags.js';

export interface NodeLineOptions {
  /**
   * Append nodes.conf aux fields after the address (`,hostname` placeholder and `,shard-id=<id>`), as Redis 7.2+
   * writes nodes.conf. CLUSTER NODES never shows them.
   * @default false
   */
  readonly auxFields?: boolean;
}

export function formatNodeLine(
  state: ClusterState,
  node: ClusterNode,
  options: NodeLineOptions = {},
): string {
  const isMyself = node.id === state.myselfId;
  let address = `${node.ip}:${node.port}@${node.busPort}`;
  if (node.hostname) address += `,${node.hostname}`;
  if (options.auxFields) {
    if (!node.hostname) address += ',';
    address += `,shard-id=${node.shardId}`;
  }
  const parts = [
    node.id,
    address,
    formatFlags(node.flags),
    node.masterId ?? '-',
    String(node.pingSent),
    String(node.pongReceived),
    effectiveConfigEpoch(state, node).toString(),
    isMyself || node.link === 'connected' ? 'connected' : 'disconnected',
  ];
  if (node.slotCount > 0) for (const range of rangesFromBitmap(node.slots)) parts.push(formatRange(range));
  if (isMyself) parts.push(...migrationTokens(state));
  return parts.join(' ');
}

/** `[slot->-id]` for each migrating slot, else `[slot-<-id]` for each importing one, by slot. */
function migrationTokens(state: ClusterState): string[] {
  if (state.migratingTo.size === 0 && state.importingFrom.size === 0) return [];
  const tokens: string[] = [];
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const to = state.migratingTo.get(slot);
    if (to !== undefined) {
      tokens.push(`[${slot}->-${to}]`);
      continue;
    }
    const from = state.importingFrom.get(slot);
    if (from !== undefined) tokens.push(`[${slot}-<-${from}]`);
  }
  return tokens;
}
