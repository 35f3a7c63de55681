// The arithmetic behind INCR, DECR, INCRBY and DECRBY (redis src/t_string.c incrDecrCommand): the value must
// be a canonical int64 string, the sum must stay within int64 ("increment or decrement would overflow"),
// and the key keeps its TTL. Sums are JS numbers while they are exact (|n| < 2^53) and BigInt beyond, so
// counters near 2^63 stay exact.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { INT64_MAX, INT64_MIN, parseInt64 } from '../../util/int64.js';
import { readStringForWrite, WRONG_TYPE } from './string-value.js';

/** Longest canonical int64 text ("-9223372036854775808"). */
const MAX_INT64_CHARS = 20;

/**
 * Adds `increment` to the integer at argv[1] and replies with the result. `increment` is a number when it is
 * a safe integer, otherwise the exact bigint.
 */
export function incrementBy(ctx: CommandContext, increment: number | bigint): void {
  const key = ctx.arg(1);
  const value = readStringForWrite(ctx, key);
  if (value === WRONG_TYPE) return;
  let current = 0;
  let text = '0';
  if (value !== undefined) {
    if (value.length <= MAX_INT64_CHARS) text = typeof value === 'string' ? value : value.toString('latin1');
    const parsed = value.length > MAX_INT64_CHARS ? null : parseInt64(text);
    if (parsed === null) {
      ctx.error(Err.notInteger);
      return;
    }
    current = parsed;
  }
  if (typeof increment === 'number') {
    const sum = current + increment;
    if (Number.isSafeInteger(sum) && Number.isSafeInteger(current)) {
      ctx.db.set(key, String(sum), true);
      ctx.reply.integer(sum);
      return;
    }
  }
  const exact = BigInt(text) + BigInt(increment);
  if (exact > INT64_MAX || exact < INT64_MIN) {
    ctx.error(Err.overflow);
    return;
  }
  ctx.db.set(key, exact.toString(), true);
  ctx.reply.integer(exact);
}

/** An INCRBY/DECRBY argument as `incrementBy` takes it, or null when it is not an int64. */
export function parseIncrement(text: string): number | bigint | null {
  const n = parseInt64(text);
  if (n === null || Number.isSafeInteger(n)) return n;
  return BigInt(text);
}
