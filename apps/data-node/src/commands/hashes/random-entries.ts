// How HRANDFIELD writes its entries: a field alone, or with its value (RESP3: a 2-element array per pair,
// RESP2: flat), and the average size of an entry for the reply bound of a negative count.
import type { CommandContext } from '../command-context.js';
import type { HashValue } from '../../keyspace/hash-value.js';
import { bulkBytes } from '../sets/random-count.js';
import { randomIndex } from '../sets/random-sample.js';

/** Entries sampled to estimate the reply of a negative count. */
const SIZE_SAMPLES = 8;

/** The array header for `entries` entries (twice as many elements for RESP2 pairs). */
export function writeHeader(ctx: CommandContext, entries: number, withValues: boolean): void {
  ctx.reply.arrayHeader(withValues && ctx.reply.protocol === 2 ? entries * 2 : entries);
}

/** The entry at `pos`: its field, and with `withValues` its value. */
export function writeEntry(ctx: CommandContext, hash: HashValue, pos: number, withValues: boolean): void {
  const reply = ctx.reply;
  if (withValues && reply.protocol === 3) reply.arrayHeader(2);
  reply.bulk(hash.fieldAt(pos));
  if (withValues) reply.bulk(hash.valueAt(pos));
}

/** Average RESP size of an entry, from a few random ones. */
export function meanEntryBytes(hash: HashValue, withValues: boolean): number {
  let total = 0;
  for (let i = 0; i < SIZE_SAMPLES; i++) {
    const pos = hash.positionOf(randomIndex(hash.size));
    total += bulkBytes(hash.fieldAt(pos).length);
    if (withValues) total += bulkBytes(hash.valueAt(pos).length) + 4; // RESP3 `*2\r\n`
  }
  return total / SIZE_SAMPLES;
}
