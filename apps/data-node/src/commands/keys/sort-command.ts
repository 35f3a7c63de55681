// The body of SORT and SORT_RO (redis 7.0 src/sort.c sortCommandGeneric) over a list, set or sorted set.
// Elements are compared as numbers (strtod rules: see sortScore) unless ALPHA, which compares bytes (Redis
// uses strcoll without STORE; identical under the C/C.UTF-8 locales for ASCII). Numeric ties fall back to
// the bytes, so the order is deterministic. With a `*`-less BY, lists and sorted sets keep their order
// (reversed by DESC) and sets keep theirs, except with STORE, which sorts a set ALPHA so that replicas agree.
// LIMIT is clamped as Redis does. STORE writes a list (deleting the destination when empty) and replies
// its length. The element values only travel through CollectionValue.members().
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { COLLECTION_FACTORIES } from '../../keyspace/collection-codecs.js';
import { isCollection } from '../../keyspace/values.js';
import { parseDouble } from '../../util/parse-double.js';
import { parseSortOptions, cString, type SortOptions } from './sort-options.js';
import { lookupByPattern } from './sort-pattern.js';

/** C's isspace: the whitespace strtod skips before a number. */
const LEADING_SPACE = /^[ \t\n\v\f\r]+/;

/** A sort weight as Redis reads it with strtod: null when it is not a whole valid double. */
export function sortScore(text: string): number | null {
  const visible = cString(text);
  if (visible.length === 0) return 0; // strtod("") converts nothing and stops at the terminator
  return parseDouble(visible.replace(LEADING_SPACE, ''));
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts `elements` in place per the options; false when a weight is not a number. */
function sortElements(ctx: CommandContext, elements: string[], o: SortOptions): boolean {
  const n = elements.length;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let compare: (a: number, b: number) => number;
  if (o.alpha) {
    if (o.by === null) {
      compare = (a, b) => compareBytes(elements[a] as string, elements[b] as string);
    } else {
      const weights = elements.map((e) => lookupByPattern(ctx.db, o.by as string, e));
      compare = (a, b) => {
        const wa = weights[a] ?? null;
        const wb = weights[b] ?? null;
        if (wa === null || wb === null) return wa === wb ? 0 : wa === null ? -1 : 1;
        return compareBytes(wa, wb);
      };
    }
  } else {
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const element = elements[i] as string;
      const weight = o.by === null ? element : lookupByPattern(ctx.db, o.by, element);
      if (weight === null) continue; // a missing BY key weighs 0
      const score = sortScore(weight);
      if (score === null) return false;
      scores[i] = score;
    }
    // Equal infinities subtract to NaN, which is falsy like 0: a tie, settled by the bytes as in Redis.
    compare = (a, b) =>
      (scores[a] as number) - (scores[b] as number) ||
      compareBytes(elements[a] as string, elements[b] as string);
  }
  order.sort(o.desc ? (a, b) => compare(b, a) : compare);
  const sorted = order.map((i) => elements[i] as string);
  for (let i = 0; i < n; i++) elements[i] = sorted[i] as string;
  return true;
}

export function sortCommand(ctx: CommandContext, readonly: boolean): void {
  const o = parseSortOptions(ctx, readonly);
  if (o === null) return;
  const value = ctx.db.lookupRead(ctx.arg(1));
  if (value !== undefined && (!isCollection(value) || value.kind === 'hash')) {
    ctx.error(Err.wrongType);
    return;
  }
  const kind = value === undefined ? 'list' : value.kind;
  const elements = value === undefined ? [] : [...value.members()];
  if (o.dontSort && kind === 'set' && o.store !== null) {
    o.dontSort = false;
    o.alpha = true;
    o.by = null;
  }
  // LIMIT clamping, as Redis computes start and end (inclusive).
  const length = elements.length;
  let start = o.limitStart < 0 ? 0 : o.limitStart;
  let end = o.limitCount < 0 ? length - 1 : start + o.limitCount - 1;
  if (start >= length) {
    start = length - 1;
    end = length - 2;
  }
  if (end >= length) end = length - 1;
  if (o.dontSort) {
    if (kind !== 'set' && o.desc) elements.reverse();
  } else if (!sortElements(ctx, elements, o)) {
    ctx.error("ERR One or more scores can't be converted into double");
    return;
  }
  if (o.store === null) writeReply(ctx, elements, start, end, o.gets);
  else store(ctx, elements, start, end, o.gets, o.store);
}

function writeReply(
  ctx: CommandContext,
  elements: string[],
  start: number,
  end: number,
  gets: string[],
): void {
  const w = ctx.reply;
  const count = end >= start ? end - start + 1 : 0;
  w.arrayHeader(gets.length === 0 ? count : count * gets.length);
  for (let i = start; i <= end; i++) {
    const element = elements[i] as string;
    if (gets.length === 0) w.bulk(element);
    for (const pattern of gets) {
      const got = lookupByPattern(ctx.db, pattern, element);
      if (got === null) w.nullBulk();
      else w.bulk(got);
    }
  }
}

function store(
  ctx: CommandContext,
  elements: string[],
  start: number,
  end: number,
  gets: string[],
  key: string,
): void {
  const items: string[] = [];
  for (let i = start; i <= end; i++) {
    const element = elements[i] as string;
    if (gets.length === 0) items.push(element);
    for (const pattern of gets) items.push(lookupByPattern(ctx.db, pattern, element) ?? '');
  }
  const list = items.length === 0 ? null : (COLLECTION_FACTORIES.list?.(items) ?? null);
  if (list !== null) ctx.db.set(key, list);
  else ctx.db.delete(key);
  ctx.reply.integer(items.length);
}
