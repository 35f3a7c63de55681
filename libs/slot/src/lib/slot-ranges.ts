// Slot ranges: the inclusive `start-end` runs that CLUSTER NODES, CLUSTER SLOTS and nodes.conf use,
// their canonical form (sorted, maximal, non-overlapping), conversion to and from slot bitmaps,
// and the `a-b` / `a` tokens CLUSTER NODES prints (redis src/cluster_legacy.c `clusterGenNodeDescription`).
// Every input is validated (typed SlotError). Pure: no I/O.
import { SlotError } from './errors.js';
import { assertBitmap, createSlotBitmap, type SlotBitmap, SLOT_BITMAP_BYTES } from './slot-bitmap.js';
import { assertSlot, MAX_SLOT, parseSlot } from './slot-number.js';

/** The slots `start..end`, both inclusive; `start <= end`. */
export interface SlotRange {
  start: number;
  end: number;
}

/** Longest token quoted back in an error message, so huge bad input stays out of logs. */
const MAX_QUOTED = 40;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/**
 * The canonical form of `ranges`: sorted by start, with overlapping and adjacent ranges merged
 * (`0-5 6-9` becomes `0-9`). Returns new objects; the input is not modified.
 */
export function normalizeRanges(ranges: readonly SlotRange[]): SlotRange[] {
  const sorted = ranges.map((range, index) => {
    assertRange(range, `ranges[${index}]`);
    return { start: range.start, end: range.end };
  });
  sorted.sort((a, b) => a.start - b.start);
  const merged: SlotRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push(range);
  }
  return merged;
}

/** The slots of a bitmap as canonical ranges: maximal runs, ascending. */
export function rangesFromBitmap(bitmap: SlotBitmap): SlotRange[] {
  assertBitmap(bitmap);
  const ranges: SlotRange[] = [];
  let start = -1; // first slot of the open run, or -1 when no run is open
  for (let index = 0; index < SLOT_BITMAP_BYTES; index++) {
    const byte = bitmap[index] as number;
    if ((byte === 0x00 && start < 0) || (byte === 0xff && start >= 0)) continue; // nothing changes in this byte
    const base = index << 3;
    for (let bit = 0; bit < 8; bit++) {
      const present = (byte & (1 << bit)) !== 0;
      if (present && start < 0) start = base + bit;
      else if (!present && start >= 0) {
        ranges.push({ start, end: base + bit - 1 });
        start = -1;
      }
    }
  }
  if (start >= 0) ranges.push({ start, end: MAX_SLOT });
  return ranges;
}

/** A new bitmap holding every slot of `ranges` (which may overlap or be unsorted). */
export function bitmapFromRanges(ranges: readonly SlotRange[]): SlotBitmap {
  const bitmap = createSlotBitmap();
  // Normalized ranges are disjoint, so this touches each slot at most once whatever the input.
  for (const { start, end } of normalizeRanges(ranges)) {
    for (let slot = start; slot <= end; slot++) {
      bitmap[slot >> 3] = (bitmap[slot >> 3] as number) | (1 << (slot & 7));
    }
  }
  return bitmap;
}

/** One range as CLUSTER NODES prints it: `a-b`, or `a` when it holds a single slot. */
export function formatRange(range: SlotRange): string {
  assertRange(range, 'range');
  return range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`;
}

/**
 * The slot part of a CLUSTER NODES line: the canonical ranges of `ranges` as space-separated tokens
 * (`0-5460 5462`); an empty string when there are none.
 */
export function formatRanges(ranges: readonly SlotRange[]): string {
  return normalizeRanges(ranges).map(formatRange).join(' ');
}

/**
 * Parses one slot token of CLUSTER NODES or nodes.conf: `a` or `a-b`, canonical decimals in 0..16383
 * with `a <= b` (`a-a` is accepted). Migration tokens such as `[42->-<id>]` are not slot ranges and are rejected.
 */
export function parseRangeToken(token: string): SlotRange {
  const dash = token.indexOf('-');
  const start = tokenSlot(dash < 0 ? token : token.slice(0, dash), token);
  const end = dash < 0 ? start : tokenSlot(token.slice(dash + 1), token);
  if (start > end) {
    throw new SlotError('SLOT_RANGE_REVERSED', `slot range token ${quote(token)} ends before it starts`);
  }
  return { start, end };
}

function tokenSlot(part: string, token: string): number {
  const slot = parseSlot(part);
  if (slot !== null) return slot;
  if (DECIMAL.test(part)) {
    throw new SlotError('SLOT_OUT_OF_RANGE', `slot range token ${quote(token)} has a slot above ${MAX_SLOT}`);
  }
  throw new SlotError(
    'SLOT_RANGE_TOKEN_INVALID',
    `slot range token ${quote(token)} must be <slot> or <start>-<end> in decimal, as CLUSTER NODES prints it`,
  );
}

function assertRange(range: SlotRange, what: string): void {
  if (typeof range !== 'object' || range === null) {
    throw new SlotError(
      'SLOT_RANGE_INVALID',
      `${what} must be a { start, end } slot range, got ${String(range)}`,
    );
  }
  assertSlot(range.start, `${what}.start`);
  assertSlot(range.end, `${what}.end`);
  if (range.start > range.end) {
    throw new SlotError(
      'SLOT_RANGE_REVERSED',
      `${what} ends before it starts (${range.start} > ${range.end})`,
    );
  }
}

function quote(token: string): string {
  return JSON.stringify(token.length > MAX_QUOTED ? `${token.slice(0, MAX_QUOTED)}…` : token);
}
