// SREM key member [member ...]: removes the members; replies with how many were there. The key goes with
// its last member.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { setShrunk, writeSet, WRONG_TYPE } from './set-lookup.js';

export const srem = {
  name: 'srem',
  arity: -3,
  flags: ['write', 'fast'],
  categories: ['write', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove one or more members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the number of members to be removed.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const set = writeSet(ctx, key);
    if (set === WRONG_TYPE) return;
    let removed = 0;
    if (set !== undefined) {
      for (let i = 2; i < ctx.argc && set.size !== 0; i++) if (set.delete(ctx.arg(i))) removed++;
      if (removed !== 0) setShrunk(ctx, key, set);
    }
    ctx.reply.integer(removed);
  },
} satisfies CommandSpec;
