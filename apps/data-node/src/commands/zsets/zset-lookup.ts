// Reading a key as a sorted set: the shared lookup of every sorted set command, with WRONGTYPE handling, and
// the bookkeeping after a command removed members or stored a result.
import type { CommandContext } from '../command-context.js';
import { lookupTyped, type Typed } from '../typed-lookup.js';
import type { Value } from '../../keyspace/values.js';
import { ZsetValue } from '../../keyspace/zset-value.js';

export { WRONG_TYPE } from '../typed-lookup.js';

/** Whether `value` is a sorted set. */
export const isZset = (value: Value): value is ZsetValue => value instanceof ZsetValue;

/** The sorted set at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE. */
export function readZset(ctx: CommandContext, key: string): Typed<ZsetValue> {
  return lookupTyped(ctx, key, isZset, false);
}

/** Same as readZset for a command about to modify the key (no hit/miss statistics). */
export function writeZset(ctx: CommandContext, key: string): Typed<ZsetValue> {
  return lookupTyped(ctx, key, isZset, true);
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
