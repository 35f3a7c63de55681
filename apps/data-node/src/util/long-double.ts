// INCRBYFLOAT's and HINCRBYFLOAT's arithmetic (and the parsing of blocking timeouts), exactly as redis-server on
// x86-64 does it: the operands are parsed with strtold
// into 80-bit x87 long doubles (64-bit mantissa, 15-bit exponent, subnormals), added with one rounding
// (ties to even), and printed with "%.17Lf" with trailing zeros trimmed (redis src/util.c string2ld and
// ld2string LD_STR_HUMAN). JS doubles cannot reproduce that: 10.5 + 0.1 must print "10.6", not
// "10.59999999999999964". Values are exact BigInt mantissas with a binary exponent. Pure, no I/O.

/** A finite long double: (-1)^negative * mantissa * 2^exponent, the mantissa below 2^64. */
export interface LongDouble {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** Parse outcome for an infinite operand (accepted by strtold, then refused by INCRBYFLOAT). */
export const INFINITE = 'infinite';

const PRECISION = 64;
/** Exponent of the smallest subnormal, 2^-16445 (x87: minimum exponent -16382, 63 fraction bits). */
const MIN_EXPONENT = -16445;
/** Largest exponent of a finite value with a 64-bit mantissa: (2^64 - 1) * 2^16320. */
const MAX_EXPONENT = 16320;
/** Decimal magnitudes outside these bounds certainly overflow or underflow to zero (ERANGE). */
const MAX_DECIMAL_MAGNITUDE = 4940;
const MIN_DECIMAL_MAGNITUDE = -4970;
/** Operands this long or longer are refused (redis MAX_LONG_DOUBLE_CHARS). */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;
const FRACTION_DIGITS = 17;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^[+-]?(?:inf|infinity)$/i;

/** Zero: the operand of a missing key or field. */
export const ZERO: LongDouble = { negative: false, mantissa: 0n, exponent: 0 };

/**
 * Parses a whole argument the way string2ld does; returns null when Redis says "value is not a valid float"
 * (empty, too long, leading space, trailing garbage, NaN, overflow, or a non-zero value rounding to zero).
 */
export function parseLongDouble(text: string): LongDouble | typeof INFINITE | null {
  if (text.length === 0 || text.length >= MAX_LONG_DOUBLE_CHARS) return null;
  const decimal = DECIMAL.exec(text);
  if (decimal !== null) {
    const [, sign, int = '', frac = '', exp = '0'] = decimal;
    if (int === '' && frac === '') return null;
    return fromDecimal(sign === '-', int + frac, exponentValue(exp) - frac.length);
  }
  const hex = HEX.exec(text);
  if (hex !== null) {
    const [, sign, int = '', frac = '', exp = '0'] = hex;
    if (int === '' && frac === '') return null;
    const digits = BigInt(`0x${int}${frac}`);
    return round(sign === '-', digits, 1n, exponentValue(exp) - 4 * frac.length, true);
  }
  return INFINITY.test(text) ? INFINITE : null;
}

/**
 * `current + increment` printed as INCRBYFLOAT and HINCRBYFLOAT store it; null when an operand is infinite or
 * the sum overflows (Redis: "increment would produce NaN or Infinity").
 */
export function incrementLongDouble(
  current: LongDouble | typeof INFINITE,
  increment: LongDouble | typeof INFINITE,
): string | null {
  if (current === INFINITE || increment === INFINITE) return null;
  const sum = addLongDouble(current, increment);
  return sum === null ? null : formatLongDouble(sum);
}

/** a + b with one rounding; null when the sum overflows to infinity. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | null {
  const low = Math.min(a.exponent, b.exponent);
  const sa = a.mantissa << BigInt(a.exponent - low);
  const sb = b.mantissa << BigInt(b.exponent - low);
  const sum = (a.negative ? -sa : sa) + (b.negative ? -sb : sb);
  // An exact zero sum is +0 in round-to-nearest; printing makes "-0" into "0" anyway.
  if (sum === 0n) return ZERO;
  const rounded = round(sum < 0n, sum < 0n ? -sum : sum, 1n, low, false);
  return rounded === INFINITE || rounded === null ? null : rounded;
}

/** printf("%.17Lf") with trailing zeros (and a bare '.') removed, "-0" written "0" (ld2string). */
export function formatLongDouble(x: LongDouble): string {
  const scaled = x.mantissa * 10n ** BigInt(FRACTION_DIGITS);
  let units: bigint;
  if (x.exponent >= 0) {
    units = scaled << BigInt(x.exponent);
  } else {
    const shift = BigInt(-x.exponent);
    units = scaled >> shift;
    const remainder = scaled - (units << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (units & 1n) === 1n)) units++;
  }
  let digits = units.toString().padStart(FRACTION_DIGITS + 1, '0');
  digits = `${digits.slice(0, -FRACTION_DIGITS)}.${digits.slice(-FRACTION_DIGITS)}`;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 0x30) end--;
  if (digits.charCodeAt(end - 1) === 0x2e) end--;
  digits = digits.slice(0, end);
  return x.negative && digits !== '0' ? `-${digits}` : digits;
}

/** `digits * 10^exponent`, rounded to a long double (ERANGE cases give null or INFINITE). */
function fromDecimal(
  negative: boolean,
  digits: string,
  exponent: number,
): LongDouble | typeof INFINITE | null {
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 0x30) first++;
  if (first === digits.length) return { ...ZERO, negative };
  const significant = digits.slice(first);
  const magnitude = exponent + significant.length - 1;
  if (magnitude > MAX_DECIMAL_MAGNITUDE) return null;
  if (magnitude < MIN_DECIMAL_MAGNITUDE) return null;
  const n = decimalBigInt(significant);
  if (exponent >= 0) return round(negative, n * 10n ** BigInt(exponent), 1n, 0, true);
  return round(negative, n, 10n ** BigInt(-exponent), 0, true);
}

/**
 * Rounds `num / den * 2^exponent` (num > 0) to 64 significant bits, ties to even, with the x87 subnormal
 * range. `parsing` decides what an underflow to zero means: strtold's ERANGE (null) or a plain zero.
 */
function round(
  negative: boolean,
  num: bigint,
  den: bigint,
  exponent: number,
  parsing: boolean,
): LongDouble | typeof INFINITE | null {
  if (num === 0n) return { ...ZERO, negative };
  // Choose k so that 2^63 <= num / den / 2^k < 2^64, then never below the subnormal exponent.
  let k = exponent + bitLength(num) - bitLength(den) - PRECISION;
  // Below half the smallest subnormal whatever the rounding: zero (and no giant shift for 0x1p-999999999).
  if (k + PRECISION + 2 < MIN_EXPONENT) return parsing ? null : { ...ZERO, negative };
  let n = num;
  let d = den;
  const scale = k - exponent;
  if (scale >= 0) d <<= BigInt(scale);
  else n <<= BigInt(-scale);
  if (n / d >= 1n << BigInt(PRECISION)) {
    d <<= 1n;
    k++;
  }
  if (k < MIN_EXPONENT) {
    d <<= BigInt(MIN_EXPONENT - k);
    k = MIN_EXPONENT;
  }
  let mantissa = n / d;
  const twice = (n - mantissa * d) * 2n;
  if (twice > d || (twice === d && (mantissa & 1n) === 1n)) mantissa++;
  if (mantissa === 1n << BigInt(PRECISION)) {
    mantissa >>= 1n;
    k++;
  }
  if (k > MAX_EXPONENT) return parsing ? null : INFINITE;
  if (mantissa === 0n) return parsing ? null : { ...ZERO, negative };
  return { negative, mantissa, exponent: k };
}

/**
 * BigInt(digits) in 15-digit steps: V8 parses long decimal BigInt text in quadratic time with a large
 * constant (about 2 ms for 5000 digits, the longest operand Redis accepts); this takes a few microseconds.
 */
function decimalBigInt(digits: string): bigint {
  const step = 15;
  const scale = 10n ** BigInt(step);
  let head = digits.length % step || step;
  let n = BigInt(digits.slice(0, head));
  for (; head < digits.length; head += step) n = n * scale + BigInt(digits.slice(head, head + step));
  return n;
}

/** Number of bits of n > 0. */
function bitLength(n: bigint): number {
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex[0] as string, 16));
}

/** A decimal exponent, clamped far beyond any representable magnitude (leading zeros and huge digit runs). */
function exponentValue(text: string): number {
  const value = Number(text);
  return Math.max(-1e9, Math.min(1e9, value));
}
