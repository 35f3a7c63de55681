// The arguments LMPOP, BLMPOP, ZMPOP and BZMPOP share: numkeys key [key ...] <where> [COUNT count], where
// <where> is LEFT|RIGHT for lists and MIN|MAX for sorted sets, parsed in Redis's order (redis src/t_list.c
// lmpopGenericCommand, src/t_zset.c zmpopGenericCommand): numkeys, then <where>, then COUNT.
import type { CommandContext } from './command-context.js';
import { Err } from './reply-errors.js';
import { parseInt64 } from '../util/int64.js';

export interface MpopArguments<Where> {
  readonly numKeys: number;
  /** The end to pop from. */
  readonly where: Where;
  readonly count: number;
}

/**
 * Parses from argv[numKeysIndex], reading <where> with `parseWhere` (null: a syntax error); null after
 * replying with the error.
 */
export function parseMpop<Where>(
  ctx: CommandContext,
  numKeysIndex: number,
  parseWhere: (text: string) => Where | null,
): MpopArguments<Where> | null {
  const numKeys = parseInt64(ctx.arg(numKeysIndex));
  if (numKeys === null || numKeys < 1) return fail(ctx, Err.numkeysNotPositive);
  const whereIndex = numKeysIndex + numKeys + 1;
  const where = whereIndex < ctx.argc ? parseWhere(ctx.arg(whereIndex)) : null;
  if (where === null) return fail(ctx, Err.syntax);
  let count = -1;
  for (let i = whereIndex + 1; i < ctx.argc; i++) {
    if (count !== -1 || ctx.option(i) !== 'COUNT' || i + 1 >= ctx.argc) return fail(ctx, Err.syntax);
    const n = parseInt64(ctx.arg(++i));
    if (n === null || n < 1) return fail(ctx, Err.countNotPositive);
    count = n;
  }
  return { numKeys, where, count: count === -1 ? 1 : count };
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}
