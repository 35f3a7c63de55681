// The timeout argument of blocking commands (BLPOP, BLMOVE, BLMPOP, BZPOPMIN...), in seconds, parsed the
// way Redis 7.0 does (getTimeoutFromObjectOrReply in redis src/timeout.c): strtold over the whole argument
// (decimal, hex float, inf; no spaces, no NaN; an 80-bit long double, so 1e4000 parses), then
// `(long long) ceill(seconds * 1000)` milliseconds, where 0 means "block forever". Quirks kept on purpose:
// a conversion out of the int64 range yields INT64_MIN, so inf and 1e300 answer "timeout is negative";
// any value from -0.001 s up (e.g. -0.0005, or -0.001 itself, a hair above it as a long double) rounds up
// to 0 and blocks forever; a tiny positive value waits 1 ms.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

const DECIMAL = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^[+-]?inf(?:inity)?$/i;
/** Redis copies the argument into a 5 KB buffer first (MAX_LONG_DOUBLE_CHARS). */
const MAX_LENGTH = 5 * 1024 - 1;
const INT64_LIMIT = 2 ** 63;

/** Decimal range of a long double: the largest finite value, and half the smallest subnormal. */
const LONG_DOUBLE_MAX = { exponent: 4932, lead: 1.189731495357231765 };
const LONG_DOUBLE_MIN = { exponent: -4951, lead: 1.822599765941237 };
/** The same in powers of two. */
const LONG_DOUBLE_MAX_EXP2 = 16383;
const LONG_DOUBLE_MIN_EXP2 = -16446;

/**
 * Parses the timeout at argv[index] into milliseconds (0 = forever); null after replying with Redis's
 * error ("timeout is not a float or out of range" or "timeout is negative").
 */
export function parseTimeout(ctx: CommandContext, index: number): number | null {
  const text = ctx.arg(index);
  const seconds = text === '0' ? 0 : parseSeconds(text);
  if (seconds === null) {
    ctx.error(Err.timeoutNotFloat);
    return null;
  }
  const ms = seconds * 1000;
  if (!(Math.abs(ms) < INT64_LIMIT) || ms < -1) {
    ctx.error(Err.timeoutNegative);
    return null;
  }
  return ms <= 0 ? 0 : Math.ceil(ms);
}

/**
 * The value strtold reads, as a double: ±Infinity for finite long doubles beyond the double range,
 * ±Number.MIN_VALUE for non-zero ones below it; null when Redis rejects the text.
 */
function parseSeconds(text: string): number | null {
  if (text.length === 0 || text.length > MAX_LENGTH) return null;
  const decimal = DECIMAL.exec(text);
  if (decimal !== null) {
    const [, sign = '', int = '', frac = '', exp = '0'] = decimal;
    if (int === '' && frac === '') return null;
    const value = Number(text);
    if (Number.isFinite(value) && (value !== 0 || !/[1-9]/.test(int + frac))) return value;
    return beyondDouble(sign === '-', decimalMagnitude(int, frac, Number(exp)));
  }
  if (INFINITY.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  const hex = HEX.exec(text);
  if (hex !== null) {
    const [, sign = '', int = '', frac = '', exp = '0'] = hex;
    if (int === '' && frac === '') return null;
    return hexValue(sign === '-', int, frac, Number(exp));
  }
  return null;
}

/** A non-zero decimal's power of ten and leading digits as d.ddd. */
function decimalMagnitude(int: string, frac: string, exp: number): { exponent: number; lead: number } {
  const digits = int + frac;
  const first = digits.search(/[1-9]/);
  const lead = Number(`${digits[first] ?? '0'}.${digits.slice(first + 1, first + 17)}`);
  return { exponent: int.length - 1 - first + exp, lead };
}

/** A decimal too large or too small for a double: its long double stand-in, or null on ERANGE. */
function beyondDouble(negative: boolean, m: { exponent: number; lead: number }): number | null {
  const huge = m.exponent > 0;
  const beyond = huge
    ? m.exponent > LONG_DOUBLE_MAX.exponent ||
      (m.exponent === LONG_DOUBLE_MAX.exponent && m.lead >= LONG_DOUBLE_MAX.lead)
    : m.exponent < LONG_DOUBLE_MIN.exponent ||
      (m.exponent === LONG_DOUBLE_MIN.exponent && m.lead < LONG_DOUBLE_MIN.lead);
  if (beyond) return null; // strtold: ERANGE with HUGE_VALL or 0
  const value = huge ? Infinity : Number.MIN_VALUE;
  return negative ? -value : value;
}

/** A hex float, with the same stand-ins as decimals outside the double range. */
function hexValue(negative: boolean, int: string, frac: string, exp: number): number | null {
  const intDigits = int.replace(/^0+/, '');
  const digits = (intDigits + frac).replace(/^0+/, '');
  if (digits === '') return 0;
  // The power of two of the leading bit: 4 bits per hex digit between it and the point.
  const leadingZeros = intDigits === '' ? frac.length - digits.length : 0;
  const topBit = Math.floor(Math.log2(parseInt(digits.slice(0, 1), 16)));
  const exponent2 = 4 * (intDigits.length - 1 - leadingZeros) + topBit + exp;
  if (exponent2 > LONG_DOUBLE_MAX_EXP2 || exponent2 < LONG_DOUBLE_MIN_EXP2) return null;
  let value: number;
  if (exponent2 > 1023) value = Infinity;
  else if (exponent2 < -1074) value = Number.MIN_VALUE;
  else {
    const mantissa = parseInt(digits.slice(0, 13), 16);
    value = mantissa * 2 ** (exponent2 - Math.floor(Math.log2(mantissa)));
  }
  return negative ? -value : value;
}
