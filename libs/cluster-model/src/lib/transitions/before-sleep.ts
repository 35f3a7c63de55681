// The once-per-event-loop flush of dirty flags (redis `clusterBeforeSleep`, style rule 12): transitions only
// mark work; the gossip-agent collects their effects and calls this once before it sleeps. It recomputes
// cluster_state when asked (pure), and tells the agent whether to write nodes.conf (formatNodesConf of the
// returned state) and whether to broadcast a PONG. Every other effect passes through unchanged. Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import type { Effect } from '../model/effects.js';
import type { ModelEnv } from '../model/env.js';
import { updateClusterState } from './update-cluster-state.js';

export interface BeforeSleepResult {
  readonly state: ClusterState;
  /** Write nodes.conf now (atomically: temp file, optional fsync, rename); `null` when nothing changed. */
  readonly saveConfig: { readonly fsync: boolean } | null;
  /** Send a PONG with our config to every node. */
  readonly broadcastPong: boolean;
  /** The non-dirty-flag effects, in order, plus any from the state update. */
  readonly effects: readonly Effect[];
}

export function beforeSleep(
  state: ClusterState,
  pending: readonly Effect[],
  env: ModelEnv,
): BeforeSleepResult {
  let next = state;
  let fsync = false;
  let save = false;
  let broadcastPong = false;
  let update = false;
  const effects: Effect[] = [];
  for (const effect of pending) {
    if (effect.kind === 'save-config') {
      save = true;
      fsync ||= effect.fsync;
    } else if (effect.kind === 'update-state') update = true;
    else if (effect.kind === 'broadcast-pong') broadcastPong = true;
    else effects.push(effect);
  }
  if (update) {
    const updated = updateClusterState(next, env);
    next = updated.state;
    effects.push(...updated.effects);
  }
  return { state: next, saveConfig: save ? { fsync } : null, broadcastPong, effects };
}
