// HSETNX key field value: sets the field only if it does not exist; 1 when set, else 0.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { HashValue } from '../../keyspace/hash-value.js';
import { hashChanged, writeHash, WRONG_TYPE } from './hash-lookup.js';

export const hsetnx = {
  name: 'hsetnx',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'hash', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Set the value of a hash field, only if the field does not exist',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const found = writeHash(ctx, key);
    if (found === WRONG_TYPE) return;
    const field = ctx.arg(2);
    if (found !== undefined && found.has(field)) return ctx.reply.integer(0);
    const hash = found ?? new HashValue();
    hash.set(field, ctx.arg(3));
    hashChanged(ctx, key, found, hash);
    ctx.reply.integer(1);
  },
} satisfies CommandSpec;
