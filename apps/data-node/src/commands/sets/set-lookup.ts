// Reading a key as a set: the shared lookup of every set command, with WRONGTYPE handling, and the rule that
// a command which empties a set deletes its key.
import type { CommandContext } from '../command-context.js';
import { lookupTyped, type Typed } from '../typed-lookup.js';
import { SetValue } from '../../keyspace/set-value.js';
import type { Value } from '../../keyspace/values.js';

export { WRONG_TYPE } from '../typed-lookup.js';

const isSet = (value: Value): value is SetValue => value instanceof SetValue;

/** The set at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readSet(ctx: CommandContext, key: string): Typed<SetValue> {
  return lookupTyped(ctx, key, isSet, false);
}

/** Same as readSet for a command about to modify the key (no hit/miss statistics). */
export function writeSet(ctx: CommandContext, key: string): Typed<SetValue> {
  return lookupTyped(ctx, key, isSet, true);
}

/** After members were removed from `set`: deletes the key when it is empty, else records the change. */
export function setShrunk(ctx: CommandContext, key: string, set: SetValue): void {
  if (set.size === 0) ctx.db.delete(key);
  else ctx.db.modified(key, set);
}
