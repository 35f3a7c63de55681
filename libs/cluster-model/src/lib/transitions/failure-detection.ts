// Failure detection policy on a draft (redis cluster_legacy.c `clusterNodeAddFailureReport`,
// `clusterNodeCleanupFailureReports`, `markNodeAsFailingIfNeeded`, `clearNodeFailureIfNeeded`):
// - a failure report is a master saying "I see X as PFAIL/FAIL"; reports expire after node-timeout * 2;
// - X becomes FAIL when I see it PFAIL and reports (+1 if I am a master) >= size/2 + 1, where size is the
//   number of slot-owning masters; the FAIL is then broadcast;
// - FAIL is cleared when X is reachable again: at once for a replica or a slotless master, after
//   node-timeout * 2 for a master that still serves slots (nobody failed it over).
// Internal to the lib. Pure: no I/O.
import { FAIL_REPORT_VALIDITY_MULT, FAIL_UNDO_TIME_MULT } from '../model/cluster-options.js';
import { isFailed, isMaster, isReplica, isTimedOut, type ClusterNode } from '../model/cluster-node.js';
import type { NodeId } from '../model/node-id.js';
import type { StateDraft } from '../model/state-draft.js';

/** Records (or refreshes) `reporter`'s report about `failing`; true when it is a new report. */
export function addFailureReport(draft: StateDraft, failing: NodeId, reporter: NodeId): boolean {
  const node = draft.require(failing);
  const reports = new Map(node.failureReports);
  const isNew = !reports.has(reporter);
  reports.set(reporter, draft.now);
  draft.patch(failing, { failureReports: reports });
  return isNew;
}

/** Removes `reporter`'s report about `node` (it sees the node fine again); true if there was one. */
export function deleteFailureReport(draft: StateDraft, nodeId: NodeId, reporter: NodeId): boolean {
  const node = draft.require(nodeId);
  if (!node.failureReports.has(reporter)) return false;
  const reports = new Map(node.failureReports);
  reports.delete(reporter);
  draft.patch(nodeId, { failureReports: reports });
  cleanupFailureReports(draft, nodeId);
  return true;
}

/** Drops reports older than node-timeout * 2; returns how many valid reports remain. */
export function cleanupFailureReports(draft: StateDraft, nodeId: NodeId): number {
  const node = draft.require(nodeId);
  const maxAge = draft.options.nodeTimeout * FAIL_REPORT_VALIDITY_MULT;
  let stale = false;
  for (const time of node.failureReports.values()) if (draft.now - time > maxAge) stale = true;
  if (!stale) return node.failureReports.size;
  const fresh = new Map([...node.failureReports].filter(([, time]) => draft.now - time <= maxAge));
  draft.patch(nodeId, { failureReports: fresh });
  return fresh.size;
}

/** Valid failure reports about `node` from the point of view of `now`, without changing anything. */
export function validFailureReports(node: ClusterNode, now: number, nodeTimeout: number): number {
  const maxAge = nodeTimeout * FAIL_REPORT_VALIDITY_MULT;
  let count = 0;
  for (const time of node.failureReports.values()) if (now - time <= maxAge) count++;
  return count;
}

/** PFAIL -> FAIL when the weak agreement of masters is reached; broadcasts the FAIL. */
export function markNodeAsFailingIfNeeded(draft: StateDraft, nodeId: NodeId): void {
  const node = draft.require(nodeId);
  if (!isTimedOut(node) || isFailed(node)) return;
  const neededQuorum = Math.floor(draft.size / 2) + 1;
  let failures = cleanupFailureReports(draft, nodeId);
  if (isMaster(draft.myself)) failures++;
  if (failures < neededQuorum) return;

  draft.log('info', 'marking node as failing (quorum reached)', { nodeId, failures, neededQuorum });
  draft.patch(nodeId, { failTime: draft.now });
  draft.setFlags(nodeId, ['fail'], ['pfail']);
  draft.emit({ kind: 'broadcast-fail', nodeId });
  draft.event('fail', nodeId, { failures, neededQuorum });
  draft.updateState();
  draft.saveConfig();
}

/** Undoes FAIL for a node that is reachable again, when Redis's rules allow it. */
export function clearNodeFailureIfNeeded(draft: StateDraft, nodeId: NodeId): void {
  const node = draft.require(nodeId);
  if (!isFailed(node)) return;
  if (isReplica(node) || node.slotCount === 0) {
    clearFail(draft, node, isReplica(node) ? 'replica' : 'master without slots');
    return;
  }
  const undoAfter = draft.options.nodeTimeout * FAIL_UNDO_TIME_MULT;
  if (isMaster(node) && draft.now - node.failTime > undoAfter) {
    clearFail(draft, node, 'master still serving its slots after the undo time');
  }
}

function clearFail(draft: StateDraft, node: ClusterNode, reason: string): void {
  draft.log('info', 'clear FAIL state for node: reachable again', { nodeId: node.id, reason });
  draft.setFlags(node.id, [], ['fail']);
  draft.event('fail-cleared', node.id, { reason });
  draft.updateState();
  draft.saveConfig();
}
