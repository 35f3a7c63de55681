// cluster_state evaluation (redis `clusterUpdateState`):
// - a master waits 2000 ms after its first evaluation before it may turn `ok` (writable delay after restart);
// - `fail` when cluster-require-full-coverage is on and a slot is unassigned or served by a FAIL node;
// - `fail` when fewer than size/2+1 slot-owning masters are reachable (no PFAIL/FAIL): a minority partition;
// - a master leaving a minority waits the rejoin delay, clamp(node-timeout, 500, 5000) ms, before `ok`.
// Also recomputes `size` (cluster_size). Pure: no I/O.
import { SLOT_COUNT } from '@tessera/slot';
import { MAX_REJOIN_DELAY_MS, MIN_REJOIN_DELAY_MS, WRITABLE_DELAY_MS } from '../model/cluster-options.js';
import { isFailed, isMaster, isTimedOut } from '../model/cluster-node.js';
import type { ClusterHealth, ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';

export function updateClusterState(state: ClusterState, env: ModelEnv): Transition {
  const draft = new StateDraft(state, env);
  if (draft.firstEvaluationAt === 0) draft.firstEvaluationAt = draft.now;
  const iAmMaster = isMaster(draft.myself);
  if (iAmMaster && draft.health === 'fail' && draft.now - draft.firstEvaluationAt < WRITABLE_DELAY_MS) {
    return draft.finish();
  }

  let next: ClusterHealth = 'ok';
  if (draft.options.requireFullCoverage) {
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const owner = draft.owner(slot);
      if (owner === null || isFailed(draft.require(owner))) {
        next = 'fail';
        break;
      }
    }
  }

  let size = 0;
  let reachable = 0;
  for (const node of draft.allNodes()) {
    if (!isMaster(node) || node.slotCount === 0) continue;
    size++;
    if (!isFailed(node) && !isTimedOut(node)) reachable++;
  }
  draft.size = size;
  if (reachable < Math.floor(size / 2) + 1) {
    next = 'fail';
    draft.minoritySince = draft.now;
  }

  if (next !== draft.health) {
    const rejoinDelay = Math.min(
      MAX_REJOIN_DELAY_MS,
      Math.max(MIN_REJOIN_DELAY_MS, draft.options.nodeTimeout),
    );
    if (next === 'ok' && iAmMaster && draft.now - draft.minoritySince < rejoinDelay) return draft.finish();
    draft.health = next;
    draft.log(next === 'ok' ? 'info' : 'warn', 'cluster state changed', { state: next });
    draft.event('state-changed', draft.myselfId, { state: next });
  }
  return draft.finish();
}
