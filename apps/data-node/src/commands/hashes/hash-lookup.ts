// Reading a key as a hash: the shared lookup of every hash command, with WRONGTYPE handling, and the rule that
// a command which empties a hash deletes its key.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { HashValue } from '../../keyspace/hash-value.js';

/** Sentinel returned when the key holds another type (the WRONGTYPE error is already written). */
export const WRONG_TYPE = Symbol('wrong-type');

/** The hash at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readHash(ctx: CommandContext, key: string): HashValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupRead(key);
  if (value === undefined || value instanceof HashValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Same as readHash for a command about to modify the key (no hit/miss statistics). */
export function writeHash(ctx: CommandContext, key: string): HashValue | undefined | typeof WRONG_TYPE {
  const value = ctx.db.lookupWrite(key);
  if (value === undefined || value instanceof HashValue) return value;
  ctx.error(Err.wrongType);
  return WRONG_TYPE;
}

/** Stores `hash` after a change: adds the key when the hash is new (`found` undefined), else records the change. */
export function hashChanged(
  ctx: CommandContext,
  key: string,
  found: HashValue | undefined,
  hash: HashValue,
): void {
  if (found === undefined) ctx.db.add(key, hash);
  else ctx.db.modified(key, hash);
}
