// Reading a key as a string: the shared lookup of every string command, with WRONGTYPE handling.
import type { CommandContext } from '../command-context.js';
import { lookupTyped, type Typed } from '../typed-lookup.js';
import { isString, type StringValue } from '../../keyspace/values.js';

export { WRONG_TYPE } from '../typed-lookup.js';

/** The string at `key` (read lookup), undefined when missing, or WRONG_TYPE after replying with the error. */
export function readString(ctx: CommandContext, key: string): Typed<StringValue> {
  return lookupTyped(ctx, key, isString, false);
}

/** Same as readString for a command about to modify the key (no hit/miss statistics). */
export function readStringForWrite(ctx: CommandContext, key: string): Typed<StringValue> {
  return lookupTyped(ctx, key, isString, true);
}
