// GETEX key [EX s | PX ms | EXAT ts | PXAT ts | PERSIST]: GET that also sets or removes the TTL
// (redis src/t_string.c getexCommand). Order as Redis: option syntax, then the key (nil when missing,
// WRONGTYPE), then the expire value. An EXAT/PXAT time already past deletes the key after the reply.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { expireAtOrReply, isExpireOption, type ExpireOption } from './expire-time.js';
import { readString, WRONG_TYPE } from './string-value.js';

/** The parsed options: an expire kind and its argument, 'PERSIST', or null for none; false after an error. */
type GetexOption = { kind: ExpireOption; text: string } | 'PERSIST' | null;

function parseOptions(ctx: CommandContext): GetexOption | false {
  let parsed: GetexOption = null;
  for (let i = 2; i < ctx.argc; i++) {
    const option = ctx.option(i);
    // Redis allows repeating the same option (the last value wins) but not mixing two of them.
    if (option === 'PERSIST' && (parsed === null || parsed === 'PERSIST')) {
      parsed = 'PERSIST';
    } else if (
      isExpireOption(option) &&
      i + 1 < ctx.argc &&
      (parsed === null || (parsed !== 'PERSIST' && parsed.kind === option))
    ) {
      parsed = { kind: option, text: ctx.arg(++i) };
    } else {
      ctx.error(Err.syntax);
      return false;
    }
  }
  return parsed;
}

export const getex = {
  name: 'getex',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get the value of a key and optionally set its expiration',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const option = parseOptions(ctx);
    if (option === false) return;
    const key = ctx.arg(1);
    const value = readString(ctx, key);
    if (value === WRONG_TYPE) return;
    if (value === undefined) {
      ctx.reply.nullBulk();
      return;
    }
    if (option === 'PERSIST') {
      ctx.reply.bulk(value);
      ctx.db.persist(key);
      return;
    }
    if (option === null) {
      ctx.reply.bulk(value);
      return;
    }
    const at = expireAtOrReply(ctx, option.kind, option.text, 'getex');
    if (at === null) return;
    ctx.reply.bulk(value);
    const absolute = option.kind === 'EXAT' || option.kind === 'PXAT';
    if (absolute && at <= ctx.server.now()) ctx.db.delete(key);
    else ctx.db.setExpire(key, at);
  },
} satisfies CommandSpec;
