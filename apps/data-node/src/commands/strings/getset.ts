// GETSET key value: replies with the old value (nil when missing), then sets the new one and drops the TTL
// (deprecated since 6.2 in favour of SET ... GET, same semantics).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const getset = {
  name: 'getset',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'string', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the string value of a key and return its old value',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const old = readString(ctx, key);
    if (old === WRONG_TYPE) return;
    if (old === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(old);
    ctx.db.set(key, ctx.arg(2));
  },
} satisfies CommandSpec;
