// The encoding limits of sorted sets (zset-max-listpack-entries / -value), read from the configuration once
// per server and kept current by a CONFIG SET listener, so ZADD does not look them up on every call.
import type { ServerState } from '../../server/server-state.js';
import type { ZsetLimits } from '../../keyspace/zset-value.js';

const ENTRIES = 'zset-max-listpack-entries';
const VALUE = 'zset-max-listpack-value';

const byServer = new WeakMap<ServerState, ZsetLimits>();

export function zsetLimits(server: ServerState): ZsetLimits {
  const cached = byServer.get(server);
  if (cached !== undefined) return cached;
  const config = server.config;
  const limits = {
    zsetMaxListpackEntries: config.getNumber(ENTRIES),
    zsetMaxListpackValue: config.getNumber(VALUE),
  };
  config.onChange((name) => {
    if (name === ENTRIES) limits.zsetMaxListpackEntries = config.getNumber(ENTRIES);
    else if (name === VALUE) limits.zsetMaxListpackValue = config.getNumber(VALUE);
  });
  byServer.set(server, limits);
  return limits;
}
