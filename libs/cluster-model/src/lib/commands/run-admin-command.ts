// One entry for every CLUSTER subcommand that changes the configuration, by name (what the gossip-agent runs
// for a forwarded subcommand, and the data-node's in-process LocalAgentLink too): ADDSLOTS[RANGE],
// DELSLOTS[RANGE], FLUSHSLOTS, SETSLOT, MEET, REPLICATE, FORGET, RESET, SET-CONFIG-EPOCH, BUMPEPOCH, and the
// precondition checks of FAILOVER (the election itself is the failover-coordinator's). Returns null for a
// name that is not one of them. Pure: no I/O.
import { SLOT_COUNT } from '@tessera/slot';
import { isFailed, isReplica } from '../model/cluster-node.js';
import { masterOf, myself, type ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { clusterAddSlots, clusterAddSlotsRange } from './cluster-addslots.js';
import { clusterBumpEpoch, clusterSetConfigEpoch } from './cluster-epoch-commands.js';
import { clusterForget } from './cluster-forget.js';
import { clusterMeet } from './cluster-meet.js';
import { clusterReplicate } from './cluster-replicate.js';
import { clusterReset } from './cluster-reset.js';
import { clusterSetSlot } from './cluster-setslot.js';
import {
  CLUSTER_ERRORS,
  OK_REPLY,
  refuse,
  type CommandOutcome,
  type KeyspaceView,
} from './command-outcome.js';

/** The admin subcommands, lower case. */
export const ADMIN_SUBCOMMANDS = [
  'addslots',
  'addslotsrange',
  'bumpepoch',
  'delslots',
  'delslotsrange',
  'failover',
  'flushslots',
  'forget',
  'meet',
  'replicate',
  'reset',
  'saveconfig',
  'set-config-epoch',
  'setslot',
] as const;

export type AdminSubcommand = (typeof ADMIN_SUBCOMMANDS)[number];

/** What FAILOVER options are, once its preconditions hold (the caller runs the election). */
export type FailoverMode = 'default' | 'force' | 'takeover';

/**
 * Runs `args` (the words after CLUSTER, the subcommand first) against `state`. FAILOVER only checks its option
 * and Redis's preconditions and returns `+OK` unchanged: starting the failover is the caller's business (see
 * {@link failoverMode}); SAVECONFIG returns `+OK` with a save-config effect.
 */
export function runAdminCommand(
  state: ClusterState,
  args: readonly string[],
  env: ModelEnv,
  keyspace: KeyspaceView,
): CommandOutcome | null {
  const [name = '', ...rest] = args;
  switch (name.toLowerCase()) {
    case 'addslots':
      return clusterAddSlots(state, rest, false, env);
    case 'delslots':
      return clusterAddSlots(state, rest, true, env);
    case 'addslotsrange':
      return clusterAddSlotsRange(state, rest, false, env);
    case 'delslotsrange':
      return clusterAddSlotsRange(state, rest, true, env);
    case 'setslot':
      return clusterSetSlot(state, rest, env, keyspace);
    case 'meet':
      return clusterMeet(state, rest, env);
    case 'replicate':
      return clusterReplicate(state, rest, env, keyspace);
    case 'forget':
      return clusterForget(state, rest, env);
    case 'reset':
      return clusterReset(state, rest, env, keyspace);
    case 'set-config-epoch':
      return clusterSetConfigEpoch(state, rest, env);
    case 'bumpepoch':
      return clusterBumpEpoch(state, env);
    case 'flushslots':
      return flushSlots(state, env, keyspace);
    case 'saveconfig':
      return { ok: true, reply: OK_REPLY, state, effects: [{ kind: 'save-config', fsync: true }] };
    case 'failover': {
      const mode = failoverMode(state, rest);
      return typeof mode === 'string' ? { ok: true, reply: OK_REPLY, state, effects: [] } : mode;
    }
    default:
      return null;
  }
}

/** CLUSTER FAILOVER [FORCE|TAKEOVER]: the mode, or Redis's refusal (redis clusterCommandSpecial "failover"). */
export function failoverMode(state: ClusterState, args: readonly string[]): FailoverMode | CommandOutcome {
  if (args.length > 1) return refuse(CLUSTER_ERRORS.syntax);
  const option = args[0]?.toLowerCase();
  if (option !== undefined && option !== 'force' && option !== 'takeover')
    return refuse(CLUSTER_ERRORS.syntax);
  const me = myself(state);
  if (!isReplica(me)) return refuse(CLUSTER_ERRORS.failoverOnMaster);
  const master = masterOf(state, me);
  if (master === undefined) return refuse(CLUSTER_ERRORS.failoverMasterUnknown);
  if (option === undefined && (isFailed(master) || master.link !== 'connected')) {
    return refuse(CLUSTER_ERRORS.failoverMasterDown);
  }
  return option ?? 'default';
}

/** CLUSTER FLUSHSLOTS (redis clusterDelNodeSlots(myself)): DELSLOTS of every slot myself owns. */
function flushSlots(state: ClusterState, env: ModelEnv, keyspace: KeyspaceView): CommandOutcome {
  if (keyspace.keyCount !== 0) return refuse(CLUSTER_ERRORS.flushslotsNotEmpty);
  const mine: string[] = [];
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (state.slotOwners[slot] === state.myselfId) mine.push(String(slot));
  }
  return clusterAddSlots(state, mine, true, env);
}
