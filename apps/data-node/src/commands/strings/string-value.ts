// Reading a key as a string: the shared lookup of every string command, with WRONGTYPE handling.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { isCollection, type StringValue } from '../../keyspace/values.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** The string at `key` (read lookup), undefined when missing, or WRONG_TYPE after replying with the error. */
export function readString(ctx: CommandContext, key: string): StringValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupRead(key);
  if (value === undefined || !isCollection(value)) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Same as readString for a command about to modify the key (no hit/miss statistics). */
export function readStringForWrite(
  ctx: CommandContext,
  key: string,
): StringValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupWrite(key);
  if (value === undefined || !isCollection(value)) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}
