// Reading a key as a set: the shared lookup of every set command, with WRONGTYPE handling, and the rule that
// a command which empties a set deletes its key.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { SetValue } from '../../keyspace/set-value.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** The set at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readSet(ctx: CommandContext, key: string): SetValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupRead(key);
  if (value === undefined || value instanceof SetValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Same as readSet for a command about to modify the key (no hit/miss statistics). */
export function writeSet(ctx: CommandContext, key: string): SetValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupWrite(key);
  if (value === undefined || value instanceof SetValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** After members were removed from `set`: deletes the key when it is empty, else records the change. */
export function setShrunk(ctx: CommandContext, key: string, set: SetValue): void {
  if (set.size === 0) ctx.db.delete(key);
  else ctx.db.modified(key, set);
}
