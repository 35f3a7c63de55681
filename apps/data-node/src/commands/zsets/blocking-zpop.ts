// BZPOPMIN, BZPOPMAX and BZMPOP share this (blockingGenericZpopCommand in redis src/t_zset.c): pop from the
// first non-empty sorted set among the keys, else block on all of them until a ZADD fills one or the
// timeout passes (a null array then, and at once inside MULTI). ../first-non-empty.ts has the rules of
// both, wake-ups included.
import type { CommandContext } from '../command-context.js';
import { blockOnKeys } from '../first-non-empty.js';
import { parseTimeout } from '../../util/parse-timeout.js';
import { popFirstNonEmpty, SINGLE } from './pop-members.js';

/** BZPOPMIN and BZPOPMAX (`key [key ...] timeout`): the timeout is parsed before any key is read. */
export function blockingZpop(ctx: CommandContext, max: boolean): void {
  const timeoutMs = parseTimeout(ctx, ctx.argc - 1);
  if (timeoutMs !== null) zpopOrBlock(ctx, 1, ctx.argc - 2, max, SINGLE, timeoutMs);
}

/** Serves or blocks for the `numKeys` keys from argv[firstKey]. */
export function zpopOrBlock(
  ctx: CommandContext,
  firstKey: number,
  numKeys: number,
  max: boolean,
  count: number,
  timeoutMs: number,
): void {
  if (!popFirstNonEmpty(ctx, firstKey, numKeys, max, count)) blockOnKeys(ctx, firstKey, numKeys, timeoutMs);
}
