// BITPOS key bit [start [end [BYTE|BIT]]]: the position of the first bit equal to `bit` (redis src/bitops.c
// bitposCommand). A missing key is all zeros (0 for bit 0, -1 for bit 1). Looking for 0 without an explicit
// end treats the string as followed by zeros (the answer can be just past the end); with an end, not
// finding one gives -1. No early exit for reversed negative ranges here, unlike BITCOUNT.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { StringValue } from '../../keyspace/values.js';
import { parseInt64 } from '../../util/int64.js';
import { parseBitUnit } from './bit-range-unit.js';
import { bitInByte, bitpos as findInBytes } from './bit-scan.js';
import { readBytes } from './string-bytes.js';
import { clampEnd, clampStart } from './string-range.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const bitpos = {
  name: 'bitpos',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'bitmap', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Find first bit set or clear in a string',
    since: '2.8.7',
    group: 'bitmap',
    complexity: 'O(N)',
  },
  handler(ctx) {
    const bit = parseInt64(ctx.arg(2));
    if (bit === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (bit !== 0 && bit !== 1) {
      ctx.error('ERR The bit argument must be 1 or 0.');
      return;
    }
    if (ctx.argc > 6) {
      ctx.error(Err.syntax);
      return;
    }
    const range = ctx.argc === 3 ? WHOLE : parseRange(ctx);
    if (range === null) return;
    const value = readString(ctx, ctx.arg(1));
    if (value === WRONG_TYPE) return;
    if (value === undefined) {
      ctx.reply.integer(bit === 1 ? -1 : 0);
      return;
    }
    const unit = range.isBit ? 1 : 8;
    const length = (value.length * 8) / unit;
    const from = clampStart(range.start, length);
    const to = clampEnd(range.end ?? length - 1, length);
    if (from > to) {
      ctx.reply.integer(-1);
      return;
    }
    const first = from * unit;
    const last = to * unit + unit - 1;
    const found = findBit(value, first, last, bit);
    if (found !== -1) ctx.reply.integer(first + found);
    else ctx.reply.integer(bit === 1 || range.end !== null ? -1 : last + 1);
  },
} satisfies CommandSpec;

interface BitRange {
  start: number;
  /** null when no end was given. */
  end: number | null;
  isBit: boolean;
}

const WHOLE: BitRange = { start: 0, end: null, isBit: false };

/** start, end and the unit from argv[3..5], in Redis's parsing order; null after replying with the error. */
function parseRange(ctx: CommandContext): BitRange | null {
  const start = parseInt64(ctx.arg(3));
  if (start === null) {
    ctx.error(Err.notInteger);
    return null;
  }
  const isBit = ctx.argc === 6 ? parseBitUnit(ctx, 5) : false;
  if (isBit === null) return null;
  const end = ctx.argc >= 5 ? parseInt64(ctx.arg(4)) : null;
  if (ctx.argc >= 5 && end === null) {
    ctx.error(Err.notInteger);
    return null;
  }
  return { start, end, isBit };
}

/** Offset from bit `first` of the first bit equal to `bit` between bits first and last inclusive, or -1. */
function findBit(value: StringValue, first: number, last: number, bit: 0 | 1): number {
  const firstByte = Math.floor(first / 8);
  const bytes = readBytes(value, firstByte, Math.floor(last / 8) + 1);
  const n = bytes.length;
  const skew = first - firstByte * 8;
  // Bits outside the range in the edge bytes are forced to the value that cannot match.
  const head = (0xff00 >> skew) & 0xff;
  const tail = 0xff >> ((last & 7) + 1);
  let pos = bitInByte(unmatchable(bytes[0] as number, n === 1 ? head | tail : head, bit), bit);
  if (pos !== -1) return pos - skew;
  if (n === 1) return -1;
  pos = findInBytes(bytes, 1, n - 1, bit);
  if (pos !== -1) return 8 + pos - skew;
  pos = bitInByte(unmatchable(bytes[n - 1] as number, tail, bit), bit);
  return pos === -1 ? -1 : (n - 1) * 8 + pos - skew;
}

function unmatchable(byte: number, mask: number, bit: 0 | 1): number {
  return bit === 1 ? byte & ~mask : byte | mask;
}
