// HGETALL, HKEYS and HVALS share this: every entry of a hash in its order (insertion order while packed,
// like a Redis listpack), as a RESP3 map of field -> value or an array of fields or of values.
import type { CommandContext } from '../command-context.js';
import { readHash, WRONG_TYPE } from './hash-lookup.js';

/** What to reply for each entry. */
export const EntryPart = {
  /** Field and value, as a map (HGETALL). */
  both: 'both',
  /** Fields only, as an array (HKEYS). */
  fields: 'fields',
  /** Values only, as an array (HVALS). */
  values: 'values',
} as const;
export type EntryPart = (typeof EntryPart)[keyof typeof EntryPart];

export function replyEntries(ctx: CommandContext, part: EntryPart): void {
  const hash = readHash(ctx, ctx.arg(1));
  if (hash === WRONG_TYPE) return;
  const reply = ctx.reply;
  const size = hash === undefined ? 0 : hash.size;
  if (part === EntryPart.both) reply.mapHeader(size);
  else reply.arrayHeader(size);
  if (hash === undefined) return;
  for (let p = hash.first(); p !== -1; p = hash.next(p)) {
    if (part !== EntryPart.values) reply.bulk(hash.fieldAt(p));
    if (part !== EntryPart.fields) reply.bulk(hash.valueAt(p));
  }
}
