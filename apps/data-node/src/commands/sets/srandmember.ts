// SRANDMEMBER key [count] (redis 7.0 src/t_set.c srandmemberWithCountCommand): random members, the set
// unchanged. Without a count: one member or nil. With a count, an array: 0 or a missing key -> empty; negative
// (or 1) -> |count| independent picks, repeats allowed, bounded in bytes (random-count.ts); at least the size ->
// the whole set in reply order; otherwise `count` distinct members by Floyd's sampling, O(count).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { SetValue } from '../../keyspace/set-value.js';
import { bulkBytes, parseRandomCount, replyFits } from './random-count.js';
import { randomIndex, sampleDistinct } from './random-sample.js';
import { readSet, WRONG_TYPE } from './set-lookup.js';
import { copyOrderedMembers, replyMembers } from './set-order.js';

/** Members sampled to estimate the reply of a negative count. */
const SIZE_SAMPLES = 8;

function srandmemberWithCount(ctx: CommandContext): void {
  const count = parseRandomCount(ctx, 2);
  if (count === null) return;
  const set = readSet(ctx, ctx.arg(1));
  if (set === WRONG_TYPE) return;
  if (set === undefined || count === 0) return ctx.reply.arrayHeader(0);
  const reply = ctx.reply;
  if (count < 0 || count === 1) {
    const picks = Math.abs(count);
    if (!replyFits(ctx, 'SRANDMEMBER', picks, meanMemberBytes(set))) return;
    reply.arrayHeader(picks);
    for (let i = 0; i < picks; i++) reply.bulk(set.at(randomIndex(set.size)));
    return;
  }
  if (count >= set.size) return replyMembers(ctx, copyOrderedMembers(ctx, set), false);
  const indexes = sampleDistinct(set.size, count);
  reply.arrayHeader(count);
  for (let i = 0; i < count; i++) reply.bulk(set.at(indexes[i] as number));
}

/** Average RESP size of a member, from a few random ones. */
function meanMemberBytes(set: SetValue): number {
  let total = 0;
  for (let i = 0; i < SIZE_SAMPLES; i++) total += bulkBytes(set.at(randomIndex(set.size)).length);
  return total / SIZE_SAMPLES;
}

export const srandmember = {
  name: 'srandmember',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'set', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity:
      'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
  },
  handler(ctx) {
    if (ctx.argc === 3) return srandmemberWithCount(ctx);
    if (ctx.argc > 3) return ctx.error(Err.syntax);
    const set = readSet(ctx, ctx.arg(1));
    if (set === WRONG_TYPE) return;
    if (set === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(set.at(randomIndex(set.size)));
  },
} satisfies CommandSpec;
