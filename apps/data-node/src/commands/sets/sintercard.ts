// SINTERCARD numkeys key [key ...] [LIMIT limit] (redis 7.0 src/t_set.c sinterCardCommand): the size of the
// intersection, counting stops at LIMIT (0: no limit). The keys follow numkeys, so `getKeys` names them for
// cluster routing (COMMAND INFO shows the movablekeys flag and no fixed key range).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { numkeysKeys } from '../numkeys-keys.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { intersectionSize, loadSets } from './set-algebra.js';
import { WRONG_TYPE } from './set-lookup.js';

export const sintercard = {
  name: 'sintercard',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: NO_KEYS,
  getKeys: numkeysKeys(1, false),
  docs: {
    summary: 'Intersect multiple sets and return the cardinality of the result',
    since: '7.0.0',
    group: 'set',
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
  },
  handler(ctx) {
    const numkeys = parseInt64(ctx.arg(1));
    if (numkeys === null || numkeys < 1) return ctx.error(Err.numkeysNotPositive);
    if (numkeys > ctx.argc - 2) return ctx.error(Err.numkeysExceedArgs);
    let limit = 0;
    for (let i = 2 + numkeys; i < ctx.argc; i++) {
      if (ctx.option(i) !== 'LIMIT' || i + 1 >= ctx.argc) return ctx.error(Err.syntax);
      const parsed = parseInt64(ctx.arg(++i));
      if (parsed === null || parsed < 0) return ctx.error(Err.limitNegative);
      limit = parsed;
    }
    const sets = loadSets(ctx, 2, 2 + numkeys, false);
    if (sets === WRONG_TYPE) return;
    ctx.reply.integer(intersectionSize(sets, limit));
  },
} satisfies CommandSpec;
