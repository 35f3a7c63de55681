// CLUSTER INFO text (redis `genClusterInfoString`): CRLF-terminated `field:value` lines in Redis's order:
// cluster_state, slot counts (assigned, ok, pfail, fail), known nodes (handshake ones included), cluster_size,
// current and my epoch (a replica shows its master's), then per message type the nonzero
// cluster_stats_messages_<type>_sent lines and their total, the same for _received, and
// total_cluster_links_buffer_limit_exceeded. The counters belong to the agent and are passed in.
// Pure: no I/O.
import { SLOT_COUNT } from '@tessera/slot';
import { isFailed, isTimedOut } from '../model/cluster-node.js';
import { effectiveConfigEpoch, myself, type ClusterState } from '../model/cluster-state.js';
import { BUS_MESSAGE_TYPES, type BusMessageType } from '../transitions/messages.js';

export interface ClusterInfoStats {
  /** Messages sent per bus message type (absent or 0: no line). */
  readonly messagesSent?: Readonly<Partial<Record<BusMessageType, number>>>;
  /** Messages received per bus message type. */
  readonly messagesReceived?: Readonly<Partial<Record<BusMessageType, number>>>;
  /** Links freed for exceeding the send buffer limit. */
  readonly linksBufferLimitExceeded?: number;
}

export function renderClusterInfo(state: ClusterState, stats: ClusterInfoStats = {}): string {
  let assigned = 0;
  let ok = 0;
  let pfail = 0;
  let fail = 0;
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const ownerId = state.slotOwners[slot];
    const owner = ownerId === null || ownerId === undefined ? undefined : state.nodes.get(ownerId);
    if (!owner) continue;
    assigned++;
    if (isFailed(owner)) fail++;
    else if (isTimedOut(owner)) pfail++;
    else ok++;
  }
  const lines = [
    `cluster_state:${state.health}`,
    `cluster_slots_assigned:${assigned}`,
    `cluster_slots_ok:${ok}`,
    `cluster_slots_pfail:${pfail}`,
    `cluster_slots_fail:${fail}`,
    `cluster_known_nodes:${state.nodes.size}`,
    `cluster_size:${state.size}`,
    `cluster_current_epoch:${state.currentEpoch}`,
    `cluster_my_epoch:${effectiveConfigEpoch(state, myself(state))}`,
    ...counterLines('sent', stats.messagesSent ?? {}),
    ...counterLines('received', stats.messagesReceived ?? {}),
    `total_cluster_links_buffer_limit_exceeded:${stats.linksBufferLimitExceeded ?? 0}`,
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

function counterLines(
  direction: 'sent' | 'received',
  counts: Partial<Record<BusMessageType, number>>,
): string[] {
  const lines: string[] = [];
  let total = 0;
  for (const type of Object.values(BUS_MESSAGE_TYPES)) {
    const count = counts[type] ?? 0;
    if (count === 0) continue;
    total += count;
    lines.push(`cluster_stats_messages_${type}_${direction}:${count}`);
  }
  lines.push(`cluster_stats_messages_${direction}:${total}`);
  return lines;
}
