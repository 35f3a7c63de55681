// SETEX and PSETEX share this: validate the expire time first, then set the value with it (Redis's
// setGenericCommand with OBJ_EX / OBJ_PX: the old value and its type do not matter).
import type { CommandContext } from '../command-context.js';
import { expireAtOrReply, type ExpireOption } from './expire-time.js';

/** SETEX/PSETEX key <time> value, `kind` 'EX' for seconds or 'PX' for milliseconds. */
export function setWithExpire(ctx: CommandContext, kind: ExpireOption, command: string): void {
  const at = expireAtOrReply(ctx, kind, ctx.arg(2), command);
  if (at === null) return;
  const key = ctx.arg(1);
  ctx.db.set(key, ctx.arg(3));
  ctx.db.setExpire(key, at);
  ctx.reply.simple('OK');
}
