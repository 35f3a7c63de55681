// CLUSTER REPLICATE node-id (redis src/cluster.c 7.0): become a replica of a known master. Refused for an
// unknown id (`Unknown node <id>`: redis-cli --cluster create sends it before MEET, expects this, retries),
// for myself, for a replica, and for a master that still has slots or keys. The data-node then starts
// replicating from the new master (topology push). Effects: update-state, save-config. Pure: no I/O.
import { isMaster, isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { setMyMaster } from '../transitions/roles.js';
import {
  CLUSTER_ERRORS,
  EMPTY_KEYSPACE,
  OK_REPLY,
  refuse,
  type CommandOutcome,
  type KeyspaceView,
} from './command-outcome.js';

/** `args`: `[<node-id>]`. */
export function clusterReplicate(
  state: ClusterState,
  args: readonly string[],
  env: ModelEnv,
  keyspace: KeyspaceView = EMPTY_KEYSPACE,
): CommandOutcome {
  const id = args[0] ?? '';
  const node = state.nodes.get(id);
  if (!node) return refuse(CLUSTER_ERRORS.unknownNode(id));
  if (node.id === state.myselfId) return refuse(CLUSTER_ERRORS.replicateMyself);
  if (isReplica(node)) return refuse(CLUSTER_ERRORS.replicateReplica);
  const draft = new StateDraft(state, env);
  const me = draft.myself;
  if (isMaster(me) && (me.slotCount !== 0 || keyspace.keyCount !== 0))
    return refuse(CLUSTER_ERRORS.replicateNotEmpty);
  setMyMaster(draft, node.id);
  draft.updateState();
  draft.saveConfig();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}
