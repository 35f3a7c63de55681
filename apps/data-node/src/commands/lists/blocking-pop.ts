// BLPOP, BRPOP and BLMPOP share this (redis src/t_list.c blockingPopGenericCommand): pop from the first
// non-empty list among the keys, else block on all of them. A re-run after a wake-up serves only from the
// key that woke it, and keeps waiting if that key now holds another type (Redis 7.0 serves lists only).
import type { CommandContext } from '../command-context.js';
import { parseTimeout } from '../../util/parse-timeout.js';
import type { ListEnd } from './list-end.js';
import { popFirstNonEmpty, SINGLE } from './pop-elements.js';

/** BLPOP and BRPOP (`key [key ...] timeout`): the timeout is parsed before any key is read. */
export function blockingPop(ctx: CommandContext, end: ListEnd): void {
  const timeoutMs = parseTimeout(ctx, ctx.argc - 1);
  if (timeoutMs !== null) popOrBlock(ctx, 1, ctx.argc - 2, end, SINGLE, timeoutMs);
}

/**
 * Serves or blocks for the `numKeys` keys from argv[firstKey]: with `count` SINGLE replies [key, element],
 * otherwise [key, [up to count elements]]. The timeout reply, also given inside MULTI, is a null array.
 */
export function popOrBlock(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  end: ListEnd,
  count: number,
  timeoutMs: number,
): void {
  if (popFirstNonEmpty(ctx, firstKey, numKeys, end, count)) return;
  const keys: string[] = [];
  for (let i = firstKey; i < firstKey + numKeys; i++) keys.push(ctx.arg(i));
  ctx.block({ keys, timeoutMs });
}
