// DEBUG SET-ACTIVE-EXPIRE: whether the cron reclaims expired keys nobody reads (Redis's
// server.active_expire_enabled; tests turn it off to observe lazy expiry). Kept beside the state rather than
// in it, since only DEBUG and the cron care.
import type { ServerState } from './server-state.js';

const disabled = new WeakSet<ServerState>();

export function setActiveExpire(server: ServerState, enabled: boolean): void {
  if (enabled) disabled.delete(server);
  else disabled.add(server);
}

export function isActiveExpireEnabled(server: ServerState): boolean {
  return !disabled.has(server);
}
