// CLUSTER SET-CONFIG-EPOCH and CLUSTER BUMPEPOCH (redis src/cluster.c 7.0):
// - SET-CONFIG-EPOCH e: only on a node that knows no other node and has configEpoch 0 (redis-cli --cluster
//   create gives each node a distinct epoch before MEET); currentEpoch rises to e if lower;
// - BUMPEPOCH: a new configEpoch without consensus unless myself already holds the largest one; replies
//   `+BUMPED <epoch>` or `+STILL <epoch>` (redis-cli --cluster fix reads it inside MULTI).
// Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { bumpConfigEpochWithoutConsensus } from '../transitions/config-epoch.js';
import { CLUSTER_ERRORS, int64Argument, OK_REPLY, refuse, type CommandOutcome } from './command-outcome.js';

/** `args`: `[<epoch>]`. */
export function clusterSetConfigEpoch(
  state: ClusterState,
  args: readonly string[],
  env: ModelEnv,
): CommandOutcome {
  const epoch = int64Argument(args[0] ?? '');
  if (epoch === null) return refuse(CLUSTER_ERRORS.notInteger);
  if (epoch < 0n) return refuse(CLUSTER_ERRORS.epochInvalid(epoch.toString()));
  if (state.nodes.size > 1) return refuse(CLUSTER_ERRORS.epochNotAlone);
  const draft = new StateDraft(state, env);
  if (draft.myself.configEpoch !== 0n) return refuse(CLUSTER_ERRORS.epochNonZero);
  draft.patch(draft.myselfId, { configEpoch: epoch });
  if (draft.currentEpoch < epoch) draft.currentEpoch = epoch;
  draft.log('warn', 'configEpoch set via CLUSTER SET-CONFIG-EPOCH', { configEpoch: epoch.toString() });
  draft.updateState();
  draft.saveConfig();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}

export function clusterBumpEpoch(state: ClusterState, env: ModelEnv): CommandOutcome {
  const draft = new StateDraft(state, env);
  const bumped = bumpConfigEpochWithoutConsensus(draft, 'CLUSTER BUMPEPOCH');
  const text = `${bumped ? 'BUMPED' : 'STILL'} ${draft.myself.configEpoch}`;
  return { ok: true, reply: { kind: 'status', text }, ...draft.finish() };
}
