// HRANDFIELD key [count [WITHVALUES]] (redis 7.0 src/t_hash.c hrandfieldWithCountCommand): random fields, the
// hash unchanged. Without a count: one field or nil. With a count (parsed before the key is read), an array:
// 0 or a missing key -> empty; negative (or 1) -> |count| independent picks, repeats allowed, bounded in bytes
// (../sets/random-count.ts); at least the size -> the whole hash in its order; otherwise `count` distinct
// fields by Floyd's sampling over HashValue.positionOf, O(count). WITHVALUES pairs each field with its value:
// a 2-element array per pair in RESP3, flat in RESP2.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { pairCountFits, parseRandomCount, replyFits } from '../sets/random-count.js';
import { randomIndex, sampleDistinct } from '../sets/random-sample.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';
import { meanEntryBytes, writeEntry, writeHeader } from './random-entries.js';

function hrandfieldWithCount(ctx: CommandContext): void {
  const count = parseRandomCount(ctx, 2);
  if (count === null) return;
  if (ctx.argc > 4 || (ctx.argc === 4 && ctx.option(3) !== 'WITHVALUES')) return ctx.error(Err.syntax);
  const withValues = ctx.argc === 4;
  if (withValues && !pairCountFits(ctx, 2, count)) return;
  const hash = readHash(ctx, ctx.arg(1));
  if (hash === WRONG_TYPE) return;
  if (hash === undefined || count === 0) return ctx.reply.arrayHeader(0);
  const size = hash.size;
  if (count < 0 || count === 1) {
    const picks = Math.abs(count);
    if (!replyFits(ctx, 'HRANDFIELD', picks, meanEntryBytes(hash, withValues))) return;
    writeHeader(ctx, picks, withValues);
    for (let i = 0; i < picks; i++) writeEntry(ctx, hash, hash.positionOf(randomIndex(size)), withValues);
  } else if (count >= size) {
    writeHeader(ctx, size, withValues);
    for (let p = hash.first(); p !== -1; p = hash.next(p)) writeEntry(ctx, hash, p, withValues);
  } else {
    const indexes = sampleDistinct(size, count);
    writeHeader(ctx, count, withValues);
    for (let i = 0; i < count; i++) writeEntry(ctx, hash, hash.positionOf(indexes[i] as number), withValues);
  }
}

export const hrandfield = {
  name: 'hrandfield',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'hash', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get one or multiple random fields from a hash',
    since: '6.2.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields returned',
  },
  handler(ctx) {
    if (ctx.argc >= 3) return hrandfieldWithCount(ctx);
    const hash = readHash(ctx, ctx.arg(1));
    if (hash === WRONG_TYPE) return;
    if (hash === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(hash.fieldAt(hash.positionOf(randomIndex(hash.size))));
  },
} satisfies CommandSpec;
