// CLUSTER RESET [SOFT|HARD] (redis src/cluster.c 7.0 `clusterReset`): a master holding keys refuses; otherwise
// myself becomes a master (a replica's data is then flushed by the data-node), migrations close, every slot is
// unassigned, every other node and the blacklist are forgotten. HARD also zeroes currentEpoch, lastVoteEpoch
// and configEpoch and takes a new random node id (and shard id). Effects: save-config (fsync), update-state.
// Pure: randomness from the injected env.
import { isMaster, isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { setNodeAsMaster } from '../transitions/roles.js';
import {
  CLUSTER_ERRORS,
  EMPTY_KEYSPACE,
  OK_REPLY,
  refuse,
  type CommandOutcome,
  type KeyspaceView,
} from './command-outcome.js';

/** `args`: `[]`, `['SOFT']` or `['HARD']` (case-insensitive). */
export function clusterReset(
  state: ClusterState,
  args: readonly string[],
  env: ModelEnv,
  keyspace: KeyspaceView = EMPTY_KEYSPACE,
): CommandOutcome {
  const mode = args.length === 0 ? 'soft' : (args[0] as string).toLowerCase();
  if (args.length > 1 || (mode !== 'soft' && mode !== 'hard')) return refuse(CLUSTER_ERRORS.syntax);
  const me = state.nodes.get(state.myselfId);
  if (me && isMaster(me) && keyspace.keyCount !== 0) return refuse(CLUSTER_ERRORS.resetWithKeys);

  const draft = new StateDraft(state, env);
  if (isReplica(draft.myself)) {
    setNodeAsMaster(draft, draft.myselfId);
  }
  draft.migratingTo.clear();
  draft.importingFrom.clear();
  for (const slot of draft.slotsOf(draft.myselfId)) draft.delSlot(slot);
  for (const node of draft.allNodes()) {
    if (node.id === draft.myselfId) continue;
    draft.deleteNode(node.id);
    draft.event('node-removed', node.id, { reason: 'CLUSTER RESET' });
  }
  draft.blacklist.clear();
  draft.failoverVotes.clear();
  if (mode === 'hard') {
    draft.currentEpoch = 0n;
    draft.lastVoteEpoch = 0n;
    const newId = draft.randomId();
    draft.renameNode(draft.myselfId, newId);
    draft.myselfId = newId;
    draft.patch(newId, { configEpoch: 0n, shardId: draft.randomId() });
    draft.log('info', 'node hard reset', { nodeId: newId });
  }
  draft.saveConfig(true);
  draft.updateState();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}
