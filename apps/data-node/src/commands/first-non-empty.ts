// What every multi-key pop shares (redis src/t_list.c blockingPopGenericCommand and lmpopGenericCommand,
// src/t_zset.c blockingGenericZpopCommand and zmpopGenericCommand): serve from the first of the keys that
// holds a value, else block on all of them. A key of another type replies WRONGTYPE, except in a blocked
// command re-run after a wake-up: that looks at the key that woke it only, and a wrong type there counts as
// empty, so the client keeps waiting (Redis 7.0 serves lists only to clients blocked for lists, sorted sets
// only to those blocked for sorted sets). The families pop and reply; this file only finds the key.
import type { CommandContext } from './command-context.js';
import { Err } from './reply-errors.js';
import { WRONG_TYPE } from './typed-lookup.js';
import type { Value } from '../keyspace/values.js';

/** The key to pop from and its value. */
export interface NonEmpty<T> {
  readonly key: string;
  readonly value: T;
}

/**
 * The first of the `numKeys` keys from argv[firstKey] that holds a value (looked up for writing), when
 * `isType` accepts it; null when every key is empty; WRONG_TYPE after replying with the error.
 */
export function firstNonEmpty<T extends Value>(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  isType: (value: Value) => value is T,
): NonEmpty<T> | null | typeof WRONG_TYPE {
  const woken = ctx.wokenBy;
  for (let i = firstKey; i < firstKey + numKeys; i++) {
    const key = ctx.arg(i);
    if (woken !== null && key !== woken) continue;
    const value = ctx.db.lookupWrite(key);
    if (value === undefined) continue;
    if (isType(value)) return { key, value };
    if (woken !== null) return null;
    ctx.error(Err.wrongType);
    return WRONG_TYPE;
  }
  return null;
}

/** Blocks the client on the `numKeys` keys from argv[firstKey] for `timeoutMs` (0: no timeout). */
export function blockOnKeys(ctx: CommandContext, firstKey: number, numKeys: number, timeoutMs: number): void {
  const keys: string[] = [];
  for (let i = firstKey; i < firstKey + numKeys; i++) keys.push(ctx.arg(i));
  ctx.block({ keys, timeoutMs });
}
