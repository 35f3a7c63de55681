// BLMOVE and BRPOPLPUSH share this (redis src/t_list.c blmoveGenericCommand): move at once when source has
// elements, else block on source until a push makes it non-empty. Inside MULTI an empty source answers a
// null bulk at once, while a real timeout answers a null array (Redis 7.0 replies differ between the two).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { ListValue } from '../../keyspace/list-value.js';
import { parseTimeout } from '../../util/parse-timeout.js';
import type { ListEnd } from './list-end.js';
import { moveElement } from './move-element.js';

/** BLMOVE and BRPOPLPUSH once their ends are known: the timeout at argv[timeoutIndex], then the move. */
export function blockingMove(ctx: CommandContext, from: ListEnd, to: ListEnd, timeoutIndex: number): void {
  const timeoutMs = parseTimeout(ctx, timeoutIndex);
  if (timeoutMs !== null) moveOrBlock(ctx, from, to, timeoutMs);
}

function moveOrBlock(ctx: CommandContext, from: ListEnd, to: ListEnd, timeoutMs: number): void {
  const sourceKey = ctx.arg(1);
  const source = ctx.db.lookupWrite(sourceKey);
  if (source instanceof ListValue) {
    moveElement(ctx, sourceKey, source, from, to);
    return;
  }
  // A re-run woken by a key that now holds another type keeps waiting (Redis 7.0 serves only lists).
  if (source !== undefined && ctx.wokenBy === null) {
    ctx.error(Err.wrongType);
    return;
  }
  if (ctx.inExec) {
    ctx.reply.nullBulk();
    return;
  }
  ctx.block({ keys: [sourceKey], timeoutMs });
}
