// BITOP AND|OR|XOR|NOT destkey key [key ...]: combines strings byte by byte into destkey (missing keys and
// the part past a shorter string count as zero bytes), replacing destkey and its TTL; an empty result
// deletes destkey. Replies with the result's length (redis src/bitops.c bitopCommand).
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { bytesOf, storeBytes, writableBytes } from './string-bytes.js';
import { readString, WRONG_TYPE } from './string-value.js';

const Op = { AND: 'AND', OR: 'OR', XOR: 'XOR', NOT: 'NOT' } as const;
type Op = (typeof Op)[keyof typeof Op];

export const bitop = {
  name: 'bitop',
  arity: -4,
  flags: ['write', 'denyoom'],
  categories: ['write', 'bitmap', 'slow'],
  keys: { first: 2, last: -1, step: 1 },
  docs: {
    summary: 'Perform bitwise operations between strings',
    since: '2.6.0',
    group: 'bitmap',
    complexity: 'O(N)',
  },
  handler(ctx) {
    const name = ctx.option(1);
    if (!Object.hasOwn(Op, name)) {
      ctx.error(Err.syntax);
      return;
    }
    const op = name as Op;
    if (op === 'NOT' && ctx.argc !== 4) {
      ctx.error('ERR BITOP NOT must be called with a single source key.');
      return;
    }
    const sources: Buffer[] = [];
    let maxLength = 0;
    for (let i = 3; i < ctx.argc; i++) {
      const value = readString(ctx, ctx.arg(i));
      if (value === WRONG_TYPE) return;
      const bytes = value === undefined ? EMPTY : bytesOf(value);
      sources.push(bytes);
      if (bytes.length > maxLength) maxLength = bytes.length;
    }
    const dest = ctx.arg(2);
    if (maxLength === 0) {
      ctx.db.delete(dest);
      ctx.reply.integer(0);
      return;
    }
    const result = writableBytes(undefined, maxLength);
    combine(op, sources, result);
    storeBytes(ctx, dest, result, undefined, false);
    ctx.reply.integer(maxLength);
  },
} satisfies CommandSpec;

const EMPTY = Buffer.alloc(0);

/** Writes `op` over `sources` into `result` (zero-filled, as long as the longest source). */
function combine(op: Op, sources: readonly Buffer[], result: Buffer): void {
  const first = sources[0] as Buffer;
  if (op === 'NOT') {
    for (let j = 0; j < first.length; j++) result[j] = ~(first[j] as number);
    return;
  }
  first.copy(result, 0);
  for (let i = 1; i < sources.length; i++) {
    const source = sources[i] as Buffer;
    const n = source.length;
    if (op === 'AND') {
      for (let j = 0; j < n; j++) result[j] = (result[j] as number) & (source[j] as number);
      result.fill(0, n);
    } else if (op === 'OR') {
      for (let j = 0; j < n; j++) result[j] = (result[j] as number) | (source[j] as number);
    } else {
      for (let j = 0; j < n; j++) result[j] = (result[j] as number) ^ (source[j] as number);
    }
  }
}
