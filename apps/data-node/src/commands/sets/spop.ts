// SPOP key [count] (redis 7.0 src/t_set.c spopCommand, spopWithCountCommand): removes and returns random
// members. Without a count: one member, nil when the key is missing. With a count (not negative, else "out of
// range, must be positive"): a RESP3 set; a count at least the size returns the whole set (in reply order)
// and deletes the key; otherwise each pick is a uniform random index, O(1), so the command is O(count). Where
// Redis would rebuild the set from the few members left (remaining * 5 <= count), the encoding history is
// reset the same way: a hashtable set left with few integers becomes an intset again.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { randomIndex } from './random-sample.js';
import { setShrunk, writeSet, WRONG_TYPE } from './set-lookup.js';
import { copyOrderedMembers, replyMembers } from './set-order.js';

/** Redis's SPOP_MOVE_STRATEGY_MUL. */
const MOVE_STRATEGY_MUL = 5;

function spopWithCount(ctx: CommandContext, key: string): void {
  const count = parseInt64(ctx.arg(2));
  if (count === null || count < 0) {
    ctx.error(Err.notPositive);
    return;
  }
  const set = writeSet(ctx, key);
  if (set === WRONG_TYPE) return;
  if (set === undefined || count === 0) {
    ctx.reply.setHeader(0);
    return;
  }
  if (count >= set.size) {
    replyMembers(ctx, copyOrderedMembers(ctx, set), true);
    ctx.db.delete(key);
    if (ctx.propagating) ctx.propagateAs(['DEL', key]); // redis spopWithCountCommand: the whole set goes as DEL
    return;
  }
  ctx.reply.setHeader(count);
  // The random picks reach replicas as what they removed (redis propagates SREM batches).
  const popped: string[] | null = ctx.propagating ? ['SREM', key] : null;
  for (let i = 0; i < count; i++) {
    const member = set.removeAt(randomIndex(set.size));
    ctx.reply.bulk(member);
    popped?.push(member);
  }
  if (popped !== null) ctx.propagateAs(popped);
  if (set.size * MOVE_STRATEGY_MUL <= count) set.resetEncodingHistory();
  setShrunk(ctx, key, set);
}

export const spop = {
  name: 'spop',
  arity: -2,
  flags: ['write', 'fast'],
  categories: ['write', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Remove and return one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    if (ctx.argc === 3) return spopWithCount(ctx, key);
    if (ctx.argc > 3) return ctx.error(Err.syntax);
    const set = writeSet(ctx, key);
    if (set === WRONG_TYPE) return;
    if (set === undefined) return ctx.reply.nullBulk();
    const member = set.removeAt(randomIndex(set.size));
    if (ctx.propagating) ctx.propagateAs(['SREM', key, member]);
    ctx.reply.bulk(member);
    setShrunk(ctx, key, set);
  },
} satisfies CommandSpec;
