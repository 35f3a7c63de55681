// The min/max arguments of rank, score and lex ranges (ZRANGE, ZRANGEBYSCORE, ZCOUNT, ZRANGEBYLEX,
// ZREMRANGEBYRANK...), parsed as Redis 7.0 does (zslParseRange, zslParseLexRange in redis src/t_zset.c,
// getLongFromObjectOrReply for ranks), and turned into ranks: the half-open window [lo, hi) of the members in
// range. No reply writing here: a parse failure is the error text to reply.
import { rankWindow } from '../rank-window.js';
import { Err } from '../reply-errors.js';
import type { ZsetValue } from '../../keyspace/zset-value.js';
import { parseInt64 } from '../../util/int64.js';

/** What the min and max arguments are: ranks (the default), scores or lex bounds (`auto`: not chosen yet). */
export const RangeKind = { auto: 0, rank: 1, score: 2, lex: 3 } as const;
export type RangeKind = (typeof RangeKind)[keyof typeof RangeKind];

/** A score interval; `(` makes an end exclusive. */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
}

/** One end of a lex interval: `[x` inclusive, `(x` exclusive, `-` below everything, `+` above everything. */
export interface LexBound {
  readonly value: string;
  readonly exclusive: boolean;
  /** -1 for `-`, 1 for `+`, 0 for a value. */
  readonly edge: -1 | 0 | 1;
}

export interface LexRange {
  readonly min: LexBound;
  readonly max: LexBound;
}

/** The parsed min and max of a range of one kind. */
export type RangeBounds =
  | { readonly kind: typeof RangeKind.rank; readonly start: number; readonly end: number }
  | { readonly kind: typeof RangeKind.score; readonly range: ScoreRange }
  | { readonly kind: typeof RangeKind.lex; readonly range: LexRange };

/**
 * Parses min and max as a score or lex range, or else as ranks; the error text Redis replies when they are
 * not (not integers, "min or max is not a float", "min or max not valid string range item").
 */
export function parseRangeBounds(kind: RangeKind, minText: string, maxText: string): RangeBounds | string {
  if (kind === RangeKind.score) {
    const range = parseScoreRange(minText, maxText);
    return range === null ? Err.scoreRange : { kind, range };
  }
  if (kind === RangeKind.lex) {
    const range = parseLexRange(minText, maxText);
    return range === null ? Err.lexRange : { kind, range };
  }
  const start = parseInt64(minText);
  const end = start === null ? null : parseInt64(maxText);
  return start === null || end === null ? Err.notInteger : { kind: RangeKind.rank, start, end };
}

/** First rank in range and the rank after its last member (lo >= hi when empty). */
export function rangeWindow(zset: ZsetValue, bounds: RangeBounds): [lo: number, hi: number] {
  if (bounds.kind === RangeKind.score) return scoreWindow(zset, bounds.range);
  if (bounds.kind === RangeKind.lex) return lexWindow(zset, bounds.range);
  return rankWindow(zset.size, bounds.start, bounds.end);
}

/** Parses a score range; null when Redis answers "min or max is not a float". */
export function parseScoreRange(minText: string, maxText: string): ScoreRange | null {
  const minExclusive = minText.charCodeAt(0) === 40; /* ( */
  const maxExclusive = maxText.charCodeAt(0) === 40;
  const min = strtod(minExclusive ? minText.slice(1) : minText);
  const max = strtod(maxExclusive ? maxText.slice(1) : maxText);
  if (min === null || max === null) return null;
  return { min, max, minExclusive, maxExclusive };
}

/** Parses a lex range; null when Redis answers "min or max not valid string range item". */
export function parseLexRange(minText: string, maxText: string): LexRange | null {
  const min = parseLexBound(minText);
  const max = parseLexBound(maxText);
  return min === null || max === null ? null : { min, max };
}

/** First rank in the score range and the rank after its last member (lo >= hi when empty). */
export function scoreWindow(zset: ZsetValue, range: ScoreRange): [lo: number, hi: number] {
  return [
    zset.countScoresBelow(range.min, range.minExclusive),
    zset.countScoresBelow(range.max, !range.maxExclusive),
  ];
}

/** First rank in the lex range and the rank after its last member (lo >= hi when empty). */
export function lexWindow(zset: ZsetValue, range: LexRange): [lo: number, hi: number] {
  return [lexRank(zset, range.min, range.min.exclusive), lexRank(zset, range.max, !range.max.exclusive)];
}

function lexRank(zset: ZsetValue, bound: LexBound, orEqual: boolean): number {
  if (bound.edge !== 0) return bound.edge < 0 ? 0 : zset.size;
  return zset.countMembersBelow(bound.value, orEqual);
}

function parseLexBound(text: string): LexBound | null {
  const first = text.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) {
    // Redis tests the second byte against the C string's NUL: "+" alone (or "+\0...") is the edge.
    if (text.length > 1 && text.charCodeAt(1) !== 0) return null;
    return { value: '', exclusive: true, edge: first === 43 ? 1 : -1 };
  }
  if (first === 40 /* ( */ || first === 91 /* [ */) {
    return { value: text.slice(1), exclusive: first === 40, edge: 0 };
  }
  return null;
}

const SPACES = /^[ \t\n\v\f\r]*/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const HEX = /^([+-]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([+-]?\d+))?$/;

/**
 * C's strtod over a whole C string, as zslParseRange uses it: leading white space is skipped, the parse
 * stops at a NUL byte, overflow gives ±inf and underflow 0 (errno is not checked), an empty string is 0,
 * and NaN is refused. Null when something other than a number remains.
 */
function strtod(raw: string): number | null {
  const nul = raw.indexOf('\0');
  const cString = nul === -1 ? raw : raw.slice(0, nul);
  if (cString.length === 0) return 0; // nothing converted, and the end pointer is already at the NUL
  const text = cString.slice((SPACES.exec(cString) as RegExpExecArray)[0].length);
  if (DECIMAL.test(text)) return Number(text);
  if (INFINITY.test(text)) return text.charCodeAt(0) === 45 ? -Infinity : Infinity;
  const hex = HEX.exec(text);
  if (hex === null) return null;
  const [, sign, intDigits = '', fracDigits = '', onlyFrac = '', exponent = '0'] = hex;
  const fraction = fracDigits + onlyFrac;
  const value = scaleByPowerOfTwo(
    Number(BigInt(`0x${intDigits}${fraction}`)),
    Number(exponent) - 4 * fraction.length,
  );
  return sign === '-' ? -value : value;
}

/** m * 2^e in steps, so that a large m with a very negative e (or the reverse) does not overflow midway. */
function scaleByPowerOfTwo(m: number, e: number): number {
  if (m === 0) return 0;
  let value = m;
  let rest = e;
  for (; rest > 1000 && Number.isFinite(value); rest -= 1000) value *= 2 ** 1000;
  for (; rest < -1000 && value !== 0; rest += 1000) value *= 2 ** -1000;
  return value * 2 ** rest;
}
