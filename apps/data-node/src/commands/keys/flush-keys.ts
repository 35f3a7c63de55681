// The body of FLUSHALL and FLUSHDB [ASYNC|SYNC] (redis src/db.c getFlushCommandFlags): one optional mode
// word, anything else is a syntax error. There is one database, so both empty it; ASYNC frees nothing
// later, V8 collects the dropped values either way.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

export function flushKeys(ctx: CommandContext): void {
  if (ctx.argc > 2 || (ctx.argc === 2 && ctx.option(1) !== 'ASYNC' && ctx.option(1) !== 'SYNC')) {
    ctx.error(Err.syntax);
    return;
  }
  ctx.db.flush();
  ctx.reply.simple('OK');
}
