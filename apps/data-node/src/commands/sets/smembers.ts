// SMEMBERS key: every member, as a RESP3 set (an intset in numeric order, see set-order.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { readSet, WRONG_TYPE } from './set-lookup.js';
import { orderedMembers, replyMembers } from './set-order.js';

export const smembers = {
  name: 'smembers',
  arity: 2,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get all the members in a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the set cardinality.',
  },
  handler(ctx) {
    const set = readSet(ctx, ctx.arg(1));
    if (set === WRONG_TYPE) return;
    if (set === undefined) ctx.reply.setHeader(0);
    else replyMembers(ctx, orderedMembers(ctx, set), true);
  },
} satisfies CommandSpec;
