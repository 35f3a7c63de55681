// CLUSTER ADDSLOTS / DELSLOTS slot... and ADDSLOTSRANGE / DELSLOTSRANGE start end... (redis src/cluster.c 7.0,
// `checkSlotAssignmentsOrReply`, `clusterUpdateSlots`). Checks happen before any change, in Redis's order:
// - ADDSLOTS/DELSLOTS: every argument must parse, then each slot must be free (add) or assigned (del) and
//   appear once: `Slot N is already busy|unassigned`, `Slot N specified multiple times`;
// - the RANGE forms need pairs, and check each pair (parse, order, assignment) before reading the next.
// Adding a slot myself was importing closes the import. Effects: update-state, save-config. Pure: no I/O.
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { StateDraft } from '../model/state-draft.js';
import { CLUSTER_ERRORS, OK_REPLY, refuse, slotArgument, type CommandOutcome } from './command-outcome.js';

/** ADDSLOTS (`del` false) or DELSLOTS (`del` true) with the slot arguments. */
export function clusterAddSlots(
  state: ClusterState,
  args: readonly string[],
  del: boolean,
  env: ModelEnv,
): CommandOutcome {
  const slots: number[] = [];
  for (const arg of args) {
    const slot = slotArgument(arg);
    if (slot === null) return refuse(CLUSTER_ERRORS.invalidSlot);
    slots.push(slot);
  }
  const seen = new Set<number>();
  for (const slot of slots) {
    const problem = assignmentProblem(state, seen, slot, del);
    if (problem) return refuse(problem);
  }
  return applySlots(state, seen, del, env);
}

/** ADDSLOTSRANGE (`del` false) or DELSLOTSRANGE (`del` true) with start/end pairs. */
export function clusterAddSlotsRange(
  state: ClusterState,
  args: readonly string[],
  del: boolean,
  env: ModelEnv,
): CommandOutcome {
  if (args.length === 0 || args.length % 2 !== 0) {
    return refuse(CLUSTER_ERRORS.wrongArity(del ? 'delslotsrange' : 'addslotsrange'));
  }
  const seen = new Set<number>();
  for (let i = 0; i < args.length; i += 2) {
    const start = slotArgument(args[i] as string);
    if (start === null) return refuse(CLUSTER_ERRORS.invalidSlot);
    const end = slotArgument(args[i + 1] as string);
    if (end === null) return refuse(CLUSTER_ERRORS.invalidSlot);
    if (start > end) return refuse(CLUSTER_ERRORS.rangeReversed(start, end));
    for (let slot = start; slot <= end; slot++) {
      const problem = assignmentProblem(state, seen, slot, del);
      if (problem) return refuse(problem);
    }
  }
  return applySlots(state, seen, del, env);
}

function assignmentProblem(
  state: ClusterState,
  seen: Set<number>,
  slot: number,
  del: boolean,
): string | null {
  const owner = state.slotOwners[slot];
  if (del && owner === null) return CLUSTER_ERRORS.slotUnassigned(slot);
  if (!del && owner !== null) return CLUSTER_ERRORS.slotBusy(slot);
  if (seen.has(slot)) return CLUSTER_ERRORS.slotRepeated(slot);
  seen.add(slot);
  return null;
}

function applySlots(
  state: ClusterState,
  slots: ReadonlySet<number>,
  del: boolean,
  env: ModelEnv,
): CommandOutcome {
  const draft = new StateDraft(state, env);
  for (const slot of [...slots].sort((a, b) => a - b)) {
    // Once we own the slot for real, an import of it is over.
    draft.importingFrom.delete(slot);
    if (del) draft.delSlot(slot);
    else draft.addSlot(draft.myselfId, slot);
  }
  draft.updateState();
  draft.saveConfig();
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}
