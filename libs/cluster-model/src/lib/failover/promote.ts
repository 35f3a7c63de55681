// A replica replacing its master (redis cluster_legacy.c `clusterFailoverReplaceYourMaster`, preceded by
// the configEpoch update of `clusterHandleSlaveFailover` after a won election, or by
// `clusterBumpConfigEpochWithoutConsensus` for CLUSTER FAILOVER TAKEOVER):
//   1. myself becomes a master (the data-node stops replicating and takes writes once it sees the snapshot);
//   2. myself takes every slot of its old master;
//   3. cluster_state is re-evaluated and nodes.conf saved with fsync;
//   4. a PONG goes to every node, so they rebind the slots to the newer configEpoch; the old master, when it
//      comes back, receives an UPDATE and turns into a replica of myself (update-slots-config.ts).
// Idempotent for a takeover request that arrives twice: a node that is already a master is left alone.
// Pure: no I/O.
import { isMaster, isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import type { ModelEnv } from '../model/env.js';
import { maxEpoch } from '../model/epoch.js';
import type { NodeId } from '../model/node-id.js';
import { StateDraft } from '../model/state-draft.js';
import { bumpConfigEpochWithoutConsensus } from '../transitions/config-epoch.js';
import { setNodeAsMaster } from '../transitions/roles.js';

/** Why a promotion did not happen. */
export const PROMOTION_REFUSALS = {
  /** Myself is already a master (a repeated takeover, or it won earlier). */
  alreadyMaster: 'already-master',
  /** Myself replicates no known master. */
  masterUnknown: 'master-unknown',
  /** The request names another master than the one myself replicates. */
  masterMismatch: 'master-mismatch',
} as const;

export type PromotionRefusal = (typeof PROMOTION_REFUSALS)[keyof typeof PROMOTION_REFUSALS];

export type PromotionOutcome =
  | (Transition & { readonly promoted: true; readonly oldMasterId: NodeId; readonly configEpoch: bigint })
  | { readonly promoted: false; readonly refusal: PromotionRefusal; readonly detail: string };

export interface Promotion {
  /** The configEpoch won in the election (its epoch). */
  readonly configEpoch: bigint;
  /** The master the election was about; refused when myself replicates another one. */
  readonly failedMasterId?: NodeId;
  /** For the log and event: `election`, `manual`, `force`. */
  readonly reason: string;
}

/** Myself (a replica that won an election in `configEpoch`) replaces its master. */
export function promoteMyself(state: ClusterState, promotion: Promotion, env: ModelEnv): PromotionOutcome {
  const draft = new StateDraft(state, env);
  const refused = check(draft, promotion.failedMasterId);
  if (refused !== null) return refused;
  const me = draft.myself;
  if (me.configEpoch < promotion.configEpoch) {
    draft.patch(me.id, { configEpoch: promotion.configEpoch });
    draft.log('info', 'configEpoch set after successful failover', {
      configEpoch: promotion.configEpoch.toString(),
    });
  }
  draft.currentEpoch = maxEpoch(draft.currentEpoch, promotion.configEpoch);
  return replaceMaster(draft, promotion.reason);
}

/**
 * CLUSTER FAILOVER TAKEOVER: no election; myself takes a new configEpoch without consensus and replaces its
 * master (the only way out when most masters are gone).
 */
export function takeOverMaster(state: ClusterState, env: ModelEnv): PromotionOutcome {
  const draft = new StateDraft(state, env);
  const refused = check(draft, undefined);
  if (refused !== null) return refused;
  draft.log('warn', 'taking over the master (user request)');
  // A replica's own configEpoch is a leftover of its master days (it shows its master's): it may equal the
  // largest epoch, and then Redis's bump would keep it and tie with the old master's claim. Start from 0 so
  // the takeover always gets a new, unique epoch.
  draft.patch(draft.myselfId, { configEpoch: 0n });
  bumpConfigEpochWithoutConsensus(draft, 'failover takeover');
  return replaceMaster(draft, 'takeover');
}

function check(draft: StateDraft, failedMasterId: NodeId | undefined): PromotionOutcome | null {
  const me = draft.myself;
  if (isMaster(me) || !isReplica(me)) {
    return { promoted: false, refusal: PROMOTION_REFUSALS.alreadyMaster, detail: 'I am already a master' };
  }
  const master = me.masterId === null ? undefined : draft.get(me.masterId);
  if (master === undefined) {
    return { promoted: false, refusal: PROMOTION_REFUSALS.masterUnknown, detail: 'my master is unknown' };
  }
  if (failedMasterId !== undefined && failedMasterId !== master.id) {
    return {
      promoted: false,
      refusal: PROMOTION_REFUSALS.masterMismatch,
      detail: `I replicate ${master.id}, not ${failedMasterId}`,
    };
  }
  return null;
}

function replaceMaster(draft: StateDraft, reason: string): PromotionOutcome {
  const me = draft.myself;
  const oldMasterId = me.masterId as NodeId;
  setNodeAsMaster(draft, me.id);
  const slots = draft.slotsOf(oldMasterId);
  for (const slot of slots) {
    draft.delSlot(slot);
    draft.addSlot(me.id, slot);
  }
  draft.updateState();
  draft.saveConfig(true);
  draft.broadcastPong();
  const configEpoch = draft.myself.configEpoch;
  draft.log('info', 'failover won: I am the new master', {
    oldMasterId,
    configEpoch: configEpoch.toString(),
    slots: slots.length,
    reason,
  });
  draft.event('failover-won', me.id, {
    oldMasterId,
    configEpoch: configEpoch.toString(),
    slots: slots.length,
    reason,
  });
  return { ...draft.finish(), promoted: true, oldMasterId, configEpoch };
}

/**
 * A replica starting its own election (redis clusterHandleSlaveFailover, manual failover here): currentEpoch++
 * becomes the election epoch, saved with fsync before any FAILOVER_AUTH_REQUEST leaves.
 */
export function startElection(
  state: ClusterState,
  env: ModelEnv,
  reason: string,
): Transition & { readonly epoch: bigint } {
  const draft = new StateDraft(state, env);
  draft.currentEpoch += 1n;
  draft.saveConfig(true);
  const me = draft.myself;
  draft.log('info', 'starting a failover election', { epoch: draft.currentEpoch.toString(), reason });
  draft.event('failover-started', me.id, {
    epoch: draft.currentEpoch.toString(),
    reason,
    ...(me.masterId === null ? {} : { failedMasterId: me.masterId }),
  });
  return { ...draft.finish(), epoch: draft.currentEpoch };
}
