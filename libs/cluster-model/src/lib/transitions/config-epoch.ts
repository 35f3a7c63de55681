// configEpoch rules that act without consensus (redis cluster_legacy.c):
// - `bumpConfigEpochWithoutConsensus`: if myself's configEpoch is 0 or not the largest epoch known,
//   currentEpoch++ and adopt it (CLUSTER BUMPEPOCH, SETSLOT NODE after an import, FAILOVER TAKEOVER);
// - `handleConfigEpochCollision`: two masters with the same configEpoch; the one with the
//   lexicographically smaller id does currentEpoch++ and adopts it, so epochs end up unique.
// Internal to the lib. Pure: no I/O.
import { isMaster } from '../model/cluster-node.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';

/** The largest configEpoch of any node, or currentEpoch if larger (redis clusterGetMaxEpoch). */
export function maxKnownEpoch(draft: StateDraft): bigint {
  let max = 0n;
  for (const node of draft.allNodes()) if (node.configEpoch > max) max = node.configEpoch;
  return max > draft.currentEpoch ? max : draft.currentEpoch;
}

/** Gives myself a new configEpoch unless it already holds the largest one; true when it did. */
export function bumpConfigEpochWithoutConsensus(draft: StateDraft, reason: string): boolean {
  const me = draft.myself;
  if (me.configEpoch !== 0n && me.configEpoch === maxKnownEpoch(draft)) return false;
  draft.currentEpoch += 1n;
  draft.patch(me.id, { configEpoch: draft.currentEpoch });
  draft.saveConfig(true);
  draft.broadcastPong();
  draft.log('info', 'new configEpoch set', { configEpoch: draft.currentEpoch.toString(), reason });
  draft.event('config-epoch-bumped', me.id, { configEpoch: draft.currentEpoch.toString(), reason });
  return true;
}

/** Resolves an equal configEpoch between myself and `senderId` (both masters). */
export function handleConfigEpochCollision(draft: StateDraft, senderId: NodeId): void {
  const me = draft.myself;
  const sender = draft.require(senderId);
  if (sender.configEpoch !== me.configEpoch || !isMaster(sender) || !isMaster(me)) return;
  // Only the node with the smaller id moves; the greatest id never does, so the process converges.
  if (sender.id <= me.id) return;
  draft.currentEpoch += 1n;
  draft.patch(me.id, { configEpoch: draft.currentEpoch });
  draft.saveConfig(true);
  draft.broadcastPong();
  draft.log('info', 'configEpoch collision resolved', {
    otherNodeId: senderId,
    configEpoch: draft.currentEpoch.toString(),
  });
  draft.event('config-epoch-bumped', me.id, {
    configEpoch: draft.currentEpoch.toString(),
    reason: 'collision',
    otherNodeId: senderId,
  });
}
