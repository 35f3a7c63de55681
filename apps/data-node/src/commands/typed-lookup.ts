// Reading a key as one type of value: the lookup behind every family's readX/writeX (strings, lists, sets,
// hashes, sorted sets), with Redis's WRONGTYPE handling. The family files name the type; this holds the rule
// once.
import type { CommandContext } from './command-context.js';
import { Err } from './reply-errors.js';
import type { Value } from '../keyspace/values.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** A lookup's outcome: the value, undefined when the key is missing, or WRONG_TYPE after replying. */
export type Typed<T> = T | undefined | typeof WRONG_TYPE;

/**
 * The value at `key` when `isType` accepts it. A read lookup (`forWrite` false) counts keyspace hits and
 * misses; a lookup for a command about to modify the key does not.
 */
export function lookupTyped<T extends Value>(
  ctx: CommandContext,
  key: string,
  isType: (value: Value) => value is T,
  forWrite: boolean,
): Typed<T> {
  const value = forWrite ? ctx.db.lookupWrite(key) : ctx.db.lookupRead(key);
  if (value === undefined || isType(value)) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}
