// The arguments ZMPOP and BZMPOP share: numkeys key [key ...] MIN|MAX [COUNT count], parsed in Redis's
// order (zmpopGenericCommand in redis src/t_zset.c): numkeys, then the end, then COUNT.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';

export interface ZmpopArguments {
  readonly numKeys: number;
  /** Pop the highest scores (MAX) rather than the lowest (MIN). */
  readonly max: boolean;
  readonly count: number;
}

/** Parses from argv[numKeysIndex]; null after replying with the error. */
export function parseZmpop(ctx: CommandContext, numKeysIndex: number): ZmpopArguments | null {
  const numKeys = parseInt64(ctx.arg(numKeysIndex));
  if (numKeys === null || numKeys < 1) return fail(ctx, Err.numkeysNotPositive);
  const whereIndex = numKeysIndex + numKeys + 1;
  const where = whereIndex < ctx.argc ? ctx.option(whereIndex) : '';
  if (where !== 'MIN' && where !== 'MAX') return fail(ctx, Err.syntax);
  let count = -1;
  for (let i = whereIndex + 1; i < ctx.argc; i++) {
    if (count !== -1 || ctx.option(i) !== 'COUNT' || i + 1 >= ctx.argc) return fail(ctx, Err.syntax);
    const n = parseInt64(ctx.arg(++i));
    if (n === null || n < 1) return fail(ctx, Err.countNotPositive);
    count = n;
  }
  return { numKeys, max: where === 'MAX', count: count === -1 ? 1 : count };
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}
