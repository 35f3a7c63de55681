// Reading a key as a sorted set: the shared lookup of every sorted set command, with WRONGTYPE handling,
// and the bookkeeping after a command removed members.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ZsetValue } from '../../keyspace/zset-value.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** The sorted set at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE. */
export function readZset(ctx: CommandContext, key: string): ZsetValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupRead(key);
  if (value === undefined || value instanceof ZsetValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Same as readZset for a command about to modify the key (no hit/miss statistics). */
export function writeZset(ctx: CommandContext, key: string): ZsetValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupWrite(key);
  if (value === undefined || value instanceof ZsetValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** After members were removed from `zset`: deletes the key when it is empty, else records the change. */
export function zsetShrunk(ctx: CommandContext, key: string, zset: ZsetValue): void {
  if (zset.size === 0) ctx.db.delete(key);
  else ctx.db.modified(key, zset);
}

/** Stores a *STORE result at `key`, or deletes `key` when the result is empty; replies with its size. */
export function storeResult(ctx: CommandContext, key: string, zset: ZsetValue): void {
  if (zset.size === 0) ctx.db.delete(key);
  else ctx.db.set(key, zset);
  ctx.reply.integer(zset.size);
}
