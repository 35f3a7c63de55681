// CLUSTER FORGET node-id (redis src/cluster.c 7.0): remove a node and blacklist its id for 60 s
// (CLUSTER_BLACKLIST_TTL) so gossip from nodes that still know it cannot add it back while redis-cli sends
// FORGET to the others (--cluster del-node). Refused for an unknown id, myself, and my own master. The
// blacklist also travels in our PINGs (forgotten-node extension), so a node may have forgotten the id before
// redis-cli's FORGET reaches it: an id still blacklisted answers OK, as Redis 7.2 does ("already forgotten,
// the deletion may have been gossiped"), or del-node would stop at the first node that heard it first.
// Pure: no I/O.
import { BLACKLIST_TTL_MS } from '../model/cluster-options.js';
import { isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { CLUSTER_ERRORS, OK_REPLY, refuse, type CommandOutcome } from './command-outcome.js';

/** `args`: `[<node-id>]`. */
export function clusterForget(state: ClusterState, args: readonly string[], env: ModelEnv): CommandOutcome {
  const id = args[0] ?? '';
  const node = state.nodes.get(id);
  if (!node) {
    const until = state.blacklist.get(id);
    if (until !== undefined && until >= env.clock.now())
      return { ok: true, reply: OK_REPLY, state, effects: [] };
    return refuse(CLUSTER_ERRORS.unknownNode(id));
  }
  if (node.id === state.myselfId) return refuse(CLUSTER_ERRORS.forgetMyself);
  const draft = new StateDraft(state, env);
  const me = draft.myself;
  if (isReplica(me) && me.masterId === node.id) return refuse(CLUSTER_ERRORS.forgetMyMaster);
  draft.cleanupBlacklist();
  draft.blacklist.set(node.id, draft.now + BLACKLIST_TTL_MS);
  draft.deleteNode(node.id);
  draft.event('node-removed', node.id, { reason: 'CLUSTER FORGET' });
  draft.updateState();
  draft.saveConfig();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}
