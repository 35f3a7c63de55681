// What the gossip-agent asks its data-node to do on the Attach stream (AdminRequest), carried out on the
// keyspace and answered with an AdminResult: `flush_data` empties it (a replica's CLUSTER RESET),
// `drop_slot_keys` deletes the keys of slots myself lost (checked 0..16383 first). `pause_writes` and
// `resume_writes` belong to manual failover, which needs replication: refused for now. No I/O.
import type { AdminRequest, AdminResult } from '@tessera/proto';
import { isValidSlot } from '@tessera/slot';
import type { LocalKeyspace } from './local-agent-link.js';

/** Not in Redis: what the agent hears for the admin actions replication will bring. */
export const ADMIN_NOT_SUPPORTED = 'not supported yet by this data-node (replication is not implemented)';

/** Carries out `request` on `keyspace`; the result names the request (replication offset 0: no replication). */
export function runAdminRequest(request: AdminRequest, keyspace: LocalKeyspace): AdminResult {
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
    case 'pauseWrites':
      return fail(`pause_writes is ${ADMIN_NOT_SUPPORTED}`);
    case 'resumeWrites':
      return fail(`resume_writes is ${ADMIN_NOT_SUPPORTED}`);
    default:
      return fail('unknown admin action');
  }
  return { requestId, outcome: { $case: 'done', value: { replicationOffset: 0n } } };
}
