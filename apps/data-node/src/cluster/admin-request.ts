// What the gossip-agent asks its data-node to do on the Attach stream (AdminRequest), carried out on the
// keyspace and answered with an AdminResult: `flush_data` empties it (a replica's CLUSTER RESET),
// `drop_slot_keys` deletes the keys of slots myself lost (checked 0..16383 first); `pause_writes` and
// `resume_writes` hold client writes for a manual failover as CLIENT PAUSE WRITE does (redis
// pauseClients(PAUSE_DURING_FAILOVER)) and answer with the replication offset once paused: the final offset
// the replica waits for. Without write controls (a link built without them) those two are refused. No I/O.
import type { AdminRequest, AdminResult } from '@tessera/proto';
import { isValidSlot } from '@tessera/slot';
import type { LocalKeyspace } from './local-agent-link.js';

/** Not in Redis: what the agent hears for pause/resume when this data-node has no write controls. */
export const ADMIN_NOT_SUPPORTED = 'not supported by this data-node (no write pause wired)';

/** What a manual failover needs of the data-node besides its keyspace. */
export interface WriteControls {
  /** Hold client writes for at most `durationMs` (CLIENT PAUSE WRITE semantics: held, not refused). */
  pauseWrites(durationMs: number): void;
  /** Let held writes run (they are routed by the topology in force then: MOVED after a failover). */
  resumeWrites(): void;
  /** master_repl_offset now (0 without replication). */
  replicationOffset(): bigint;
}

/** Longest pause accepted (the agent asks for 10 s: CLUSTER_MF_TIMEOUT x CLUSTER_MF_PAUSE_MULT). */
const MAX_PAUSE_MS = 60_000;

/** Carries out `request` on `keyspace`; the result names the request and the replication offset after it. */
export function runAdminRequest(
  request: AdminRequest,
  keyspace: LocalKeyspace,
  writes?: WriteControls,
): AdminResult {
  const requestId = request.requestId;
  const fail = (error: string): AdminResult => ({ requestId, outcome: { $case: 'error', value: error } });
  const action = request.action;
  switch (action?.$case) {
    case 'flushData':
      keyspace.flush();
      break;
    case 'dropSlotKeys': {
      const slots = action.value.slots;
      const bad = slots.find((slot) => !isValidSlot(slot));
      if (bad !== undefined) return fail(`drop_slot_keys: slot ${bad} is not in 0..16383`);
      for (const slot of slots) keyspace.flushSlot(slot);
      break;
    }
    case 'pauseWrites': {
      if (writes === undefined) return fail(`pause_writes is ${ADMIN_NOT_SUPPORTED}`);
      const ms = action.value.durationMs;
      if (ms <= 0n || ms > BigInt(MAX_PAUSE_MS)) {
        return fail(`pause_writes: duration_ms must be in 1..${MAX_PAUSE_MS}, got ${ms}`);
      }
      writes.pauseWrites(Number(ms));
      break;
    }
    case 'resumeWrites':
      if (writes === undefined) return fail(`resume_writes is ${ADMIN_NOT_SUPPORTED}`);
      writes.resumeWrites();
      break;
    default:
      return fail('unknown admin action');
  }
  const replicationOffset = writes?.replicationOffset() ?? 0n;
  return { requestId, outcome: { $case: 'done', value: { replicationOffset } } };
}
