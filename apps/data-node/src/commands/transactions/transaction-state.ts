// Shared steps of MULTI/EXEC/DISCARD/WATCH: ending a transaction and checking watched keys.
import type { ClientState } from '../../server/client-state.js';
import type { ServerState } from '../../server/server-state.js';

/** Leaves MULTI state and drops every WATCH of the client (EXEC and DISCARD both do). */
export function endTransaction(server: ServerState, client: ClientState): void {
  client.multi = null;
  client.multiDirty = false;
  server.unwatchAll(client);
}

/**
 * Redis 6.0.9+ fails EXEC when a watched key has logically expired since WATCH, even if nothing deleted it
 * yet (execCommand's isWatchedKeyExpired).
 */
export function watchedKeyExpired(server: ServerState, client: ClientState): boolean {
  if (client.watched === null) return false;
  const now = server.now();
  for (const key of client.watched) {
    const at = server.db.getExpire(key);
    if (at !== undefined && at <= now) return true;
  }
  return false;
}
