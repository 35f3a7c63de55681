// Replica migration (redis cluster_legacy.c `clusterHandleSlaveMigration`, called from clusterCron): a spare
// replica moves to an orphaned master, so one more failure does not leave slots without a replica.
// Bookkeeping, on every node every tick: a master that has a replica, or a replica promoted to master, is a
// migration target once orphaned (CLUSTER_NODE_MIGRATE_TO); a master with slots, not FAIL, with no working
// replica is orphaned since the first tick that saw it so. Then myself migrates when all of these hold:
//   - cluster-allow-replica-migration is on and cluster_state is ok;
//   - myself is a replica whose master has the most working replicas of any master, at least 2, and more
//     than cluster-migration-barrier (so it keeps at least the barrier after I leave);
//   - myself has the smallest node id among the replicas of the masters with that most;
//   - the first orphaned target (node order) has been orphaned for more than 5 s
//     (CLUSTER_SLAVE_MIGRATION_DELAY), so a failover's own replicas can announce themselves first.
// Myself then replicates the target (the data-node resyncs from it). Internal to the lib. Pure: no I/O.
import { isFailed, isMaster, isReplica, isTimedOut, type ClusterNode } from '../model/cluster-node.js';
import { migrationBarrierOf } from '../model/cluster-options.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';
import { setMyMaster } from '../transitions/roles.js';

/** How long a master must stay orphaned before a replica migrates to it (redis CLUSTER_SLAVE_MIGRATION_DELAY). */
export const REPLICA_MIGRATION_DELAY_MS = 5000;

export function handleReplicaMigration(draft: StateDraft): void {
  const nodes = draft.allNodes();
  const replicasOf = new Map<NodeId, ClusterNode[]>();
  for (const node of nodes) {
    if (!isReplica(node) || node.masterId === null) continue;
    const list = replicasOf.get(node.masterId) ?? [];
    list.push(node);
    replicasOf.set(node.masterId, list);
  }
  const working = (node: ClusterNode): boolean => !isFailed(node) && !isTimedOut(node);
  const okCount = (master: ClusterNode): number => (replicasOf.get(master.id) ?? []).filter(working).length;

  let maxReplicas = 0;
  let target: ClusterNode | undefined;
  for (const node of nodes) {
    if (!isMaster(node)) {
      if (draft.orphanedSince.has(node.id)) draft.orphanedSince.delete(node.id);
      continue;
    }
    if ((replicasOf.get(node.id)?.length ?? 0) > 0 && !draft.migrateTo.has(node.id))
      draft.migrateTo.add(node.id);
    const ok = okCount(node);
    if (ok > maxReplicas) maxReplicas = ok;
    const orphaned = !isFailed(node) && ok === 0 && draft.migrateTo.has(node.id) && node.slotCount > 0;
    if (!orphaned) {
      if (draft.orphanedSince.has(node.id)) draft.orphanedSince.delete(node.id);
      continue;
    }
    if (!draft.orphanedSince.has(node.id)) draft.orphanedSince.set(node.id, draft.now);
    target ??= node;
  }

  const me = draft.myself;
  if (target === undefined || !isReplica(me) || me.masterId === null) return;
  if (!draft.options.allowReplicaMigration || draft.health !== 'ok' || maxReplicas < 2) return;
  const myMaster = draft.get(me.masterId);
  if (myMaster === undefined) return;
  const mine = okCount(myMaster);
  if (mine !== maxReplicas || mine <= migrationBarrierOf(draft.options)) return;
  let candidate = me.id;
  for (const node of nodes) {
    if (!isMaster(node) || okCount(node) !== maxReplicas) continue;
    for (const replica of replicasOf.get(node.id) ?? []) if (replica.id < candidate) candidate = replica.id;
  }
  const since = draft.orphanedSince.get(target.id) ?? draft.now;
  if (candidate !== me.id || draft.now - since <= REPLICA_MIGRATION_DELAY_MS) return;

  draft.log('info', 'migrating to orphaned master', { masterId: target.id, from: myMaster.id });
  setMyMaster(draft, target.id);
  draft.event('replica-migrated', me.id, { from: myMaster.id, to: target.id });
  draft.saveConfig(true);
  draft.updateState();
  draft.broadcastPong();
}
