// What SSCAN and HSCAN share (redis 7.0 src/db.c scanGenericCommand): the order of their checks (ZSCAN's
// too), the paging of a dense collection, and the reply of every SCAN-family command (SCAN and ZSCAN too).
// The options are scan-options.ts's.
//
// Paging: SetValue and HashValue keep elements at indexes 0..size-1, and a removal only moves the LAST element
// into the freed index. A scan walks the indexes downwards: it starts at `size`, each call returns the COUNT
// indexes below the cursor and answers the lowest index returned as the next cursor (0: done). An element that
// is present for the whole scan and not yet returned sits below the cursor, and stays there: a removal moves the
// last element into a lower hole, so the elements that move are either already returned (they may come back:
// SCAN allows duplicates) or below the cursor already; additions land at the end, above it (SCAN may or may
// not return new elements). A cursor above the current size (the collection shrank) is clamped.
import type { CommandContext } from './command-context.js';
import { Err } from './reply-errors.js';
import { parseScanOptions, type ScanOptions } from './scan-options.js';
import { type Typed, WRONG_TYPE } from './typed-lookup.js';

/** Where a collection scan starts: the parsed cursor, the collection and the options. */
export interface ScanStart<Cursor, T> {
  readonly cursor: Cursor;
  readonly value: T;
  readonly options: ScanOptions;
}

/**
 * `<cmd> key cursor [MATCH pattern] [COUNT count]` checked in Redis's order (hscanCommand, sscanCommand,
 * zscanCommand): the cursor at argv[2] first (`ERR invalid cursor`), then the key at argv[1] (WRONGTYPE; a
 * missing key is an empty page with cursor 0, its options unread), then the options. Null once replied.
 */
export function startScan<Cursor, T>(
  ctx: CommandContext,
  parseCursor: (text: string) => Cursor | null,
  read: (ctx: CommandContext, key: string) => Typed<T>,
): ScanStart<Cursor, T> | null {
  const cursor = parseCursor(ctx.arg(2));
  if (cursor === null) {
    ctx.error(Err.invalidCursor);
    return null;
  }
  const value = read(ctx, ctx.arg(1));
  if (value === WRONG_TYPE) return null;
  if (value === undefined) {
    replyScan(ctx, 0, []);
    return null;
  }
  const options = parseScanOptions(ctx, 3, false);
  return options === null ? null : { cursor, value, options };
}

/** The index above the page (exclusive) for `cursor` over `size` elements. */
export function pageEnd(cursor: number, size: number): number {
  return cursor === 0 || cursor > size ? size : cursor;
}

/** The lowest index of the page ending at `end`: also the next cursor (0 when the scan is complete). */
export function pageStart(end: number, count: number): number {
  return end > count ? end - count : 0;
}

/** Writes `[cursor, [items...]]` (ZSCAN's cursors are 64-bit bigints). */
export function replyScan(ctx: CommandContext, cursor: number | bigint, items: readonly string[]): void {
  const reply = ctx.reply;
  reply.arrayHeader(2);
  reply.bulk(String(cursor));
  reply.arrayHeader(items.length);
  for (let i = 0; i < items.length; i++) reply.bulk(items[i] as string);
}
