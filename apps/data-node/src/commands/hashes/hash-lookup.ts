// Reading a key as a hash: the shared lookup of every hash command, with WRONGTYPE handling, and the rule that
// a command which empties a hash deletes its key.
import type { CommandContext } from '../command-context.js';
import { lookupTyped, type Typed } from '../typed-lookup.js';
import { HashValue } from '../../keyspace/hash-value.js';
import type { Value } from '../../keyspace/values.js';

export { WRONG_TYPE } from '../typed-lookup.js';

const isHash = (value: Value): value is HashValue => value instanceof HashValue;

/** The hash at `key` (read lookup: hit/miss statistics), undefined when missing, or WRONG_TYPE after replying. */
export function readHash(ctx: CommandContext, key: string): Typed<HashValue> {
  return lookupTyped(ctx, key, isHash, false);
}

/** Same as readHash for a command about to modify the key (no hit/miss statistics). */
export function writeHash(ctx: CommandContext, key: string): Typed<HashValue> {
  return lookupTyped(ctx, key, isHash, true);
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
