// The timeout argument of blocking commands (BLPOP, BLMOVE, BLMPOP, BZPOPMIN...), in seconds, parsed the
// way Redis 7.0 does on x86-64 (getTimeoutFromObjectOrReply in redis src/timeout.c): strtold over the whole
// argument into an 80-bit long double (decimal, hex float, inf; no spaces, no NaN; 1e4000 parses), then
// `(long long) ceill(seconds * 1000)` milliseconds, where 0 means "block forever". Quirks kept on purpose:
// a conversion out of the int64 range yields INT64_MIN, so inf and 1e300 answer "timeout is negative";
// -0.001 blocks forever (0.001 as a long double is a hair below 1/1000, so the product rounds up to 0);
// a tiny positive value waits 1 ms.
import type { CommandContext } from '../commands/command-context.js';
import { Err } from '../commands/reply-errors.js';
// The exact strtold that INCRBYFLOAT uses too.
import { INFINITE, parseLongDouble } from './long-double.js';

/** Plain small integers ("0", "5", "30"), the common case, skip the long double arithmetic. */
const SMALL_INTEGER = /^\d{1,9}$/;
const INT64_LIMIT = 1n << 63n;

/**
 * Parses the timeout at argv[index] into milliseconds (0 = forever); null after replying with Redis's
 * error ("timeout is not a float or out of range" or "timeout is negative").
 */
export function parseTimeout(ctx: CommandContext, index: number): number | null {
  const text = ctx.arg(index);
  if (SMALL_INTEGER.test(text)) return Number(text) * 1000;
  const seconds = parseLongDouble(text);
  if (seconds === null) {
    ctx.error(Err.timeoutNotFloat);
    return null;
  }
  const ms =
    seconds === INFINITE ? null : ceilMilliseconds(seconds.negative, seconds.mantissa, seconds.exponent);
  if (ms === null || ms < 0n) {
    ctx.error(Err.timeoutNegative);
    return null;
  }
  return Number(ms);
}

/** ceil(±mantissa * 2^exponent * 1000) exactly; null when it does not fit an int64 (C gives INT64_MIN). */
function ceilMilliseconds(negative: boolean, mantissa: bigint, exponent: number): bigint | null {
  const scaled = mantissa * 1000n;
  if (exponent >= 0) {
    if (exponent > 64) return null;
    const product = scaled << BigInt(exponent);
    return product < INT64_LIMIT ? (negative ? -product : product) : null;
  }
  const shift = BigInt(-exponent);
  const whole = scaled >> shift;
  const fraction = scaled !== whole << shift;
  if (negative) return -whole; // ceil of a negative value drops its fraction
  const ceiled = fraction ? whole + 1n : whole;
  return ceiled < INT64_LIMIT ? ceiled : null;
}
