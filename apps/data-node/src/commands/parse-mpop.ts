// The arguments LMPOP and BLMPOP share: numkeys key [key ...] LEFT|RIGHT [COUNT count], parsed in Redis's
// order (redis src/t_list.c lmpopGenericCommand): numkeys, then the end, then COUNT; and where their keys
// are, for the command table (COMMAND GETKEYS, cluster routing).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { type ListEnd, parseListEnd } from './list-end.js';

export interface MpopArguments {
  readonly numKeys: number;
  readonly end: ListEnd;
  readonly count: number;
}

/** Parses from argv[numKeysIndex]; null after replying with the error. */
export function parseMpop(ctx: CommandContext, numKeysIndex: number): MpopArguments | null {
  const numKeys = parseInt64(ctx.arg(numKeysIndex));
  if (numKeys === null || numKeys < 1) return fail(ctx, Err.numkeysNotPositive);
  const endIndex = numKeysIndex + numKeys + 1;
  const end = endIndex < ctx.argc ? parseListEnd(ctx.arg(endIndex)) : null;
  if (end === null) return fail(ctx, Err.syntax);
  let count = -1;
  for (let i = endIndex + 1; i < ctx.argc; i++) {
    if (count !== -1 || ctx.option(i) !== 'COUNT' || i + 1 >= ctx.argc) return fail(ctx, Err.syntax);
    const n = parseInt64(ctx.arg(++i));
    if (n === null || n < 1) return fail(ctx, Err.countNotPositive);
    count = n;
  }
  return { numKeys, end, count: count === -1 ? 1 : count };
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}

/** The argv indexes of the keys: `numKeysIndex + 1` onwards, as many as numkeys says (none if invalid). */
export function mpopKeys(numKeysIndex: number): (args: readonly Buffer[]) => number[] {
  return (args) => {
    const numKeys = parseInt64(args[numKeysIndex]?.toString('latin1') ?? '');
    const indexes: number[] = [];
    if (numKeys === null || numKeys < 1 || numKeysIndex + numKeys >= args.length) return indexes;
    for (let i = 1; i <= numKeys; i++) indexes.push(numKeysIndex + i);
    return indexes;
  };
}
