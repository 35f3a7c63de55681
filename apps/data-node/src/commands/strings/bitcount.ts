// BITCOUNT key [start end [BYTE|BIT]]: the number of set bits, in the whole string or in an index range
// of bytes or (7.0) bits, negative indexes from the end (redis src/bitops.c bitcountCommand).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { StringValue } from '../../keyspace/values.js';
import { parseBitUnit } from './bit-range-unit.js';
import { bitsInByte, popcount } from './bit-scan.js';
import { readBytes } from './string-bytes.js';
import { clampEnd, clampStart, parseRangeIndex, reversedNegative } from './string-range.js';
import { readString, WRONG_TYPE } from './string-value.js';

export const bitcount = {
  name: 'bitcount',
  arity: -2,
  flags: ['readonly'],
  categories: ['read', 'bitmap', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Count set bits in a string',
    since: '2.6.0',
    group: 'bitmap',
    complexity: 'O(N)',
  },
  handler(ctx) {
    if (ctx.argc === 2) {
      const value = readString(ctx, ctx.arg(1));
      if (value === WRONG_TYPE) return;
      ctx.reply.integer(value === undefined ? 0 : countBits(value, 0, value.length * 8 - 1));
      return;
    }
    if (ctx.argc !== 4 && ctx.argc !== 5) {
      ctx.error(Err.syntax);
      return;
    }
    countRange(ctx);
  },
} satisfies CommandSpec;

function countRange(ctx: CommandContext): void {
  const start = parseRangeIndex(ctx.arg(2));
  const end = start === null ? null : parseRangeIndex(ctx.arg(3));
  if (start === null || end === null) {
    ctx.error(Err.notInteger);
    return;
  }
  const isBit = ctx.argc === 5 ? parseBitUnit(ctx, 4) : false;
  if (isBit === null) return;
  const value = readString(ctx, ctx.arg(1));
  if (value === WRONG_TYPE) return;
  if (value === undefined || reversedNegative(start, end)) {
    ctx.reply.integer(0);
    return;
  }
  const unit = isBit ? 1 : 8;
  const length = (value.length * 8) / unit;
  const from = clampStart(start.value, length);
  const to = clampEnd(end.value, length);
  ctx.reply.integer(from > to ? 0 : countBits(value, from * unit, to * unit + unit - 1));
}

/** Set bits from bit `first` to bit `last` inclusive. */
function countBits(value: StringValue, first: number, last: number): number {
  if (last < first) return 0;
  const firstByte = Math.floor(first / 8);
  const lastByte = Math.floor(last / 8);
  const bytes = readBytes(value, firstByte, lastByte + 1);
  const count = popcount(bytes, 0, bytes.length);
  // Take away the bits of the edge bytes that lie outside the range.
  const head = (0xff00 >> (first - firstByte * 8)) & 0xff;
  const tail = 0xff >> (last - lastByte * 8 + 1);
  return (
    count - bitsInByte((bytes[0] as number) & head) - bitsInByte((bytes[bytes.length - 1] as number) & tail)
  );
}
