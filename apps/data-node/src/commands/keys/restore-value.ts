// Installing a DUMP payload under a key: what RESTORE does after parsing its arguments, and what the
// receiving side of MIGRATE reuses (redis 7.0 src/cluster.c restoreCommand from the payload check on).
// Decodes first so a bad payload changes nothing; REPLACE deletes the old key; a TTL already in the past
// (or, like Redis's C arithmetic, a relative TTL whose sum with now overflows int64) deletes the key
// instead of creating it (a replica creates it and lets its master decide); IDLETIME/FREQ seed the LRU/LFU
// data when that is what the database tracks.
import type { Database } from '../../keyspace/database.js';
import { decodeDumpPayload } from '../../keyspace/dump-payload.js';
import { INT64_MAX } from '../../util/int64.js';

export interface RestoreOptions {
  /** TTL in ms, 0 for none: relative to now, or a unix time in ms with `absTtl`. Exact as a bigint. */
  readonly ttl: bigint;
  readonly absTtl: boolean;
  /** Replace an existing key instead of failing with BUSYKEY. */
  readonly replace: boolean;
  /** Seconds since the last access (LRU), or null. */
  readonly idleSeconds: number | null;
  /** LFU counter 0..255, or null. */
  readonly frequency: number | null;
}

export const RestoreOutcome = {
  /** The key now holds the value. */
  restored: 'restored',
  /** The TTL was already past: nothing created (and with REPLACE the old key is gone). */
  expired: 'expired',
  /** The key exists and REPLACE was not given: nothing changed. */
  busyKey: 'busy-key',
  /** The payload is corrupt, of another version, or its content is malformed: nothing changed. */
  badPayload: 'bad-payload',
} as const;
export type RestoreOutcome = (typeof RestoreOutcome)[keyof typeof RestoreOutcome];

export function restoreValue(
  db: Database,
  key: string,
  payload: Uint8Array,
  options: RestoreOptions,
  now: number,
): RestoreOutcome {
  if (!options.replace && db.lookupWrite(key) !== undefined) return RestoreOutcome.busyKey;
  const value = decodeDumpPayload(payload);
  if (value === null) return RestoreOutcome.badPayload;
  if (options.replace) db.delete(key);
  let at = 0n;
  if (options.ttl !== 0n) {
    at = options.absTtl ? options.ttl : options.ttl + BigInt(now);
    if (at > INT64_MAX || (at <= BigInt(now) && db.deleteExpired)) return RestoreOutcome.expired;
  }
  db.add(key, value);
  if (at !== 0n) db.setExpire(key, Number(at), at);
  db.accessClock?.restore(
    key,
    options.idleSeconds === null ? null : options.idleSeconds * 1000,
    options.frequency,
  );
  return RestoreOutcome.restored;
}
