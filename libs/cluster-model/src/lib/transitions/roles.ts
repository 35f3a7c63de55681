// Role changes on a draft (redis `clusterSetNodeAsMaster`, `clusterSetMaster`, `updateShardId`):
// a node becomes a master, myself becomes a replica of another master, and shard ids follow the master.
// Internal to the lib. Pure: no I/O.
import { isMaster, isReplica } from '../model/cluster-node.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';

/** Turns a node we believed to be a replica into a master. */
export function setNodeAsMaster(draft: StateDraft, nodeId: NodeId): void {
  const node = draft.require(nodeId);
  if (isMaster(node)) return;
  // A promoted replica is a replica-migration target once orphaned (redis: MIGRATE_TO unless myself).
  if (node.masterId !== null && nodeId !== draft.myselfId) draft.migrateTo.add(nodeId);
  draft.patch(nodeId, { masterId: null });
  draft.setFlags(nodeId, ['master'], ['replica']);
  draft.event('role-changed', nodeId, { role: 'master' });
  draft.saveConfig();
  draft.updateState();
}

/** Makes myself a replica of `masterId` (CLUSTER REPLICATE, lost all slots to it, ...). Myself has no slots. */
export function setMyMaster(draft: StateDraft, masterId: NodeId): void {
  const me = draft.myself;
  if (isMaster(me)) {
    draft.setFlags(me.id, ['replica'], ['master']);
    draft.migratingTo.clear();
    draft.importingFrom.clear();
  }
  draft.patch(me.id, { masterId });
  updateShardId(draft, me.id, draft.require(masterId).shardId);
  draft.event('role-changed', me.id, { role: 'replica', masterId });
}

/**
 * Sets a node's shard id keeping a shard consistent: a master's new id spreads to its replicas; a replica
 * only takes an id that matches its master's.
 */
export function updateShardId(draft: StateDraft, nodeId: NodeId, shardId: NodeId): void {
  const node = draft.require(nodeId);
  if (node.shardId === shardId) return;
  const master = node.masterId === null ? undefined : draft.get(node.masterId);
  if (isReplica(node) && master) {
    if (master.shardId !== shardId) return;
    draft.patch(nodeId, { shardId });
    draft.saveConfig();
    return;
  }
  draft.patch(nodeId, { shardId });
  draft.saveConfig();
  for (const replica of draft.allNodes()) {
    if (replica.masterId === nodeId && replica.shardId !== shardId) {
      draft.patch(replica.id, { shardId });
      draft.saveConfig(true);
    }
  }
}
