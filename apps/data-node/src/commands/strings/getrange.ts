// GETRANGE key start end: the bytes from start to end inclusive, negative indexes from the end; an empty
// string when the key is missing or the range is empty (redis src/t_string.c getrangeCommand, 7.0 rules).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { readString, WRONG_TYPE } from './string-value.js';
import { clampEnd, clampStart, parseRangeIndex, reversedNegative } from './string-range.js';

/** The handler of GETRANGE and of its old name SUBSTR. */
export function getRange(ctx: CommandContext): void {
  const start = parseRangeIndex(ctx.arg(2));
  const end = start === null ? null : parseRangeIndex(ctx.arg(3));
  if (start === null || end === null) {
    ctx.error(Err.notInteger);
    return;
  }
  const value = readString(ctx, ctx.arg(1));
  if (value === WRONG_TYPE) return;
  if (value === undefined || reversedNegative(start, end)) {
    ctx.reply.bulk('');
    return;
  }
  const length = value.length;
  const from = clampStart(start.value, length);
  const to = clampEnd(end.value, length);
  if (from > to || length === 0) ctx.reply.bulk('');
  else if (typeof value === 'string') ctx.reply.bulk(value.slice(from, to + 1));
  else ctx.reply.bulk(value.subarray(from, to + 1));
}

export const getrange = {
  name: 'getrange',
  arity: 4,
  flags: ['readonly'],
  categories: ['read', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get a substring of the string stored at a key',
    since: '2.4.0',
    group: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
  },
  handler: getRange,
} satisfies CommandSpec;
