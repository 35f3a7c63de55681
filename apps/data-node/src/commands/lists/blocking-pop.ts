// BLPOP, BRPOP and BLMPOP share this (redis src/t_list.c blockingPopGenericCommand): pop from the first
// non-empty list among the keys, else block on all of them (../first-non-empty.ts has the rules of both).
import type { CommandContext } from '../command-context.js';
import { blockOnKeys } from '../first-non-empty.js';
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
  if (!popFirstNonEmpty(ctx, firstKey, numKeys, end, count)) blockOnKeys(ctx, firstKey, numKeys, timeoutMs);
}
