// set-max-intset-entries, read from the configuration once per server and kept current by a CONFIG SET
// listener, so replies that depend on the intset encoding do not look it up on every call.
import type { ServerState } from '../../server/server-state.js';

const MAX_INTSET_ENTRIES = 'set-max-intset-entries';

const byServer = new WeakMap<ServerState, { maxIntsetEntries: number }>();

/** The current set-max-intset-entries of `server`. */
export function maxIntsetEntries(server: ServerState): number {
  let limits = byServer.get(server);
  if (limits === undefined) {
    const config = server.config;
    const created = { maxIntsetEntries: config.getNumber(MAX_INTSET_ENTRIES) };
    config.onChange((name) => {
      if (name === MAX_INTSET_ENTRIES) created.maxIntsetEntries = config.getNumber(MAX_INTSET_ENTRIES);
    });
    byServer.set(server, created);
    limits = created;
  }
  return limits.maxIntsetEntries;
}
