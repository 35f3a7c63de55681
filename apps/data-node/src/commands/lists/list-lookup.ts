// Reading a key as a list: the shared lookup of every list command, with WRONGTYPE handling.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** The list at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readList(ctx: CommandContext, key: string): ListValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupRead(key);
  if (value === undefined || value instanceof ListValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Same as readList for a command about to modify the key (no hit/miss statistics). */
export function writeList(ctx: CommandContext, key: string): ListValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupWrite(key);
  if (value === undefined || value instanceof ListValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** After elements were removed from `list`: deletes the key when it is empty, else records the change. */
export function listShrunk(ctx: CommandContext, key: string, list: ListValue): void {
  if (list.size === 0) ctx.db.delete(key);
  else ctx.db.modified(key, list);
}
