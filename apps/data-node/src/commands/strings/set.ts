// SET key value [NX|XX] [GET] [EX s|PX ms|EXAT ts|PXAT ts|KEEPTTL] (redis src/t_string.c setCommand,
// Redis 7.0 rules: NX may be combined with GET; option names are case-insensitive; the last expire wins
// only if it is the same kind, otherwise it is a syntax error).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { expireAtOrReply, isExpireOption, type ExpireOption } from './expire-time.js';
import { readString, WRONG_TYPE } from './string-value.js';

interface SetOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  expire: ExpireOption | null;
  expireArg: string;
}

/** Parses the options from argv[3] on; null after replying with a syntax error. */
function parseOptions(ctx: CommandContext): SetOptions | null {
  const o: SetOptions = { nx: false, xx: false, get: false, keepTtl: false, expire: null, expireArg: '' };
  for (let i = 3; i < ctx.argc; i++) {
    const option = ctx.option(i);
    const hasNext = i + 1 < ctx.argc;
    if (option === 'NX' && !o.xx) o.nx = true;
    else if (option === 'XX' && !o.nx) o.xx = true;
    else if (option === 'GET') o.get = true;
    else if (option === 'KEEPTTL' && o.expire === null) o.keepTtl = true;
    else if (isExpireOption(option) && !o.keepTtl && (o.expire === null || o.expire === option) && hasNext) {
      o.expire = option;
      o.expireArg = ctx.arg(++i);
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return o;
}

export const set = {
  name: 'set',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['write', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.",
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const value = ctx.arg(2);
    if (ctx.argc === 3) {
      ctx.db.set(key, value);
      ctx.reply.simple('OK');
      return;
    }
    const o = parseOptions(ctx);
    if (o === null) return;
    let at: number | null = null;
    if (o.expire !== null) {
      at = expireAtOrReply(ctx, o.expire, o.expireArg, 'set');
      if (at === null) return;
    }
    if (o.get) {
      const old = readString(ctx, key);
      if (old === WRONG_TYPE) return;
      if (old === undefined) ctx.reply.nullBulk();
      else ctx.reply.bulk(old);
    }
    const found = ctx.db.lookupWrite(key) !== undefined;
    if ((o.nx && found) || (o.xx && !found)) {
      if (!o.get) ctx.reply.nullBulk();
      return;
    }
    ctx.db.set(key, value, o.keepTtl);
    if (at !== null) ctx.db.setExpire(key, at);
    if (!o.get) ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
