// CLUSTER SETSLOT slot IMPORTING id | MIGRATING id | STABLE | NODE id (redis src/cluster.c 7.0), with Redis's
// exact errors and order of checks:
// - only masters (`Please use SETSLOT only with masters.`), then the slot argument;
// - MIGRATING: I must own the slot, the target must be a known master;
// - IMPORTING: I must not own it, the source must be a known master;
// - STABLE: clears both states;
// - NODE: the target must be a known master; handing away a slot I still hold keys in is refused; a slot
//   with no keys stops migrating; the slot is reassigned; a master left without slots becomes a replica of the
//   target (cluster-allow-replica-migration); closing an import on myself bumps configEpoch without consensus
//   and broadcasts a PONG.
// Pure: no I/O.
import { isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { bumpConfigEpochWithoutConsensus } from '../transitions/config-epoch.js';
import { setMyMaster } from '../transitions/roles.js';
import {
  CLUSTER_ERRORS,
  EMPTY_KEYSPACE,
  OK_REPLY,
  refuse,
  slotArgument,
  type CommandOutcome,
  type KeyspaceView,
} from './command-outcome.js';

/** `args` are the arguments after SETSLOT: `<slot> <action> [<node-id>]`. */
export function clusterSetSlot(
  state: ClusterState,
  args: readonly string[],
  env: ModelEnv,
  keyspace: KeyspaceView = EMPTY_KEYSPACE,
): CommandOutcome {
  const me = state.nodes.get(state.myselfId);
  if (!me || isReplica(me)) return refuse(CLUSTER_ERRORS.setslotOnReplica);
  const slot = slotArgument(args[0] ?? '');
  if (slot === null) return refuse(CLUSTER_ERRORS.invalidSlot);
  const action = (args[1] ?? '').toLowerCase();
  const target = args[2];
  const draft = new StateDraft(state, env);

  if (action === 'migrating' && args.length === 3 && target !== undefined) {
    if (draft.owner(slot) !== draft.myselfId) return refuse(CLUSTER_ERRORS.notOwner(slot));
    const node = draft.get(target);
    if (!node) return refuse(CLUSTER_ERRORS.dontKnowNode(target));
    if (isReplica(node)) return refuse(CLUSTER_ERRORS.targetNotMaster);
    draft.migratingTo.set(slot, node.id);
  } else if (action === 'importing' && args.length === 3 && target !== undefined) {
    if (draft.owner(slot) === draft.myselfId) return refuse(CLUSTER_ERRORS.alreadyOwner(slot));
    const node = draft.get(target);
    if (!node) return refuse(CLUSTER_ERRORS.dontKnowNode(target));
    if (isReplica(node)) return refuse(CLUSTER_ERRORS.targetNotMaster);
    draft.importingFrom.set(slot, node.id);
  } else if (action === 'stable' && args.length === 2) {
    draft.importingFrom.delete(slot);
    draft.migratingTo.delete(slot);
  } else if (action === 'node' && args.length === 3 && target !== undefined) {
    const refused = assignSlot(draft, slot, target, keyspace);
    if (refused) return refused;
  } else {
    return refuse(CLUSTER_ERRORS.setslotAction);
  }
  draft.saveConfig();
  draft.updateState();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}

function assignSlot(
  draft: StateDraft,
  slot: number,
  targetId: string,
  keyspace: KeyspaceView,
): CommandOutcome | null {
  const node = draft.get(targetId);
  if (!node) return refuse(CLUSTER_ERRORS.unknownNode(targetId));
  if (isReplica(node)) return refuse(CLUSTER_ERRORS.targetNotMaster);
  const keys = keyspace.countKeysInSlot(slot);
  if (draft.owner(slot) === draft.myselfId && node.id !== draft.myselfId && keys !== 0) {
    return refuse(CLUSTER_ERRORS.stillHoldKeys(slot));
  }
  // Keys all moved: the migration of this slot is over.
  if (keys === 0) draft.migratingTo.delete(slot);
  const wasMine = draft.owner(slot) === draft.myselfId;
  draft.delSlot(slot);
  draft.addSlot(node.id, slot);

  if (
    wasMine &&
    node.id !== draft.myselfId &&
    draft.myself.slotCount === 0 &&
    draft.options.allowReplicaMigration
  ) {
    draft.log('warn', 'configuration change detected: reconfiguring myself as a replica', {
      masterId: node.id,
    });
    setMyMaster(draft, node.id);
    draft.saveConfig(true);
    draft.updateState();
  }
  if (node.id === draft.myselfId && draft.importingFrom.has(slot)) {
    // A manual migration ends here: a new configEpoch lets our claim win everywhere.
    bumpConfigEpochWithoutConsensus(draft, `imported slot ${slot}`);
    draft.importingFrom.delete(slot);
    draft.broadcastPong();
  }
  return null;
}
