// Reading a key as a list: the shared lookup of every list command, with WRONGTYPE handling.
import type { CommandContext } from '../command-context.js';
import { lookupTyped, type Typed } from '../typed-lookup.js';
import { ListValue } from '../../keyspace/list-value.js';
import type { Value } from '../../keyspace/values.js';

export { WRONG_TYPE } from '../typed-lookup.js';

/** Whether `value` is a list. */
export const isList = (value: Value): value is ListValue => value instanceof ListValue;

/** The list at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readList(ctx: CommandContext, key: string): Typed<ListValue> {
  return lookupTyped(ctx, key, isList, false);
}

/** Same as readList for a command about to modify the key (no hit/miss statistics). */
export function writeList(ctx: CommandContext, key: string): Typed<ListValue> {
  return lookupTyped(ctx, key, isList, true);
}

/** After elements were removed from `list`: deletes the key when it is empty, else records the change. */
export function listShrunk(ctx: CommandContext, key: string, list: ListValue): void {
  if (list.size === 0) ctx.db.delete(key);
  else ctx.db.modified(key, list);
}
