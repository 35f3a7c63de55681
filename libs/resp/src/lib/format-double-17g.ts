// C printf "%.17g" for doubles, the way Redis 7.0 prints every double reply (addReplyDouble) and
// INCRBYFLOAT-style results: 17 significant digits, trailing zeros removed, exponent form below 1e-4 and
// from 1e17, glibc's round-half-even on exact ties, and `inf`/`-inf`/`nan` spelled like Redis. Pure.

/** Doubles below 2^53 that are integers print as their plain digits (at most 16 of them). */
const EXACT_INTEGER_LIMIT = 2 ** 53;
const SIGNIFICANT_DIGITS = 17;

const float64 = new Float64Array(1);
const float64Bits = new BigUint64Array(float64.buffer);

/** `printf("%.17g", d)` as glibc prints it; NaN (any sign) gives `nan`, like Redis' replies. */
export function formatDouble17g(d: number): string {
  if (d !== d) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const negative = d < 0;
  const abs = negative ? -d : d;
  if (abs < EXACT_INTEGER_LIMIT && Number.isInteger(abs)) return negative ? `-${abs}` : `${abs}`;

  // 17 significant digits, correctly rounded from the exact binary value (ECMA-262 toExponential).
  const exponential = abs.toExponential(SIGNIFICANT_DIGITS - 1);
  const ePos = exponential.indexOf('e');
  let digits = exponential[0] + exponential.slice(2, ePos);
  let exponent = Number(exponential.slice(ePos + 1));
  // toExponential breaks exact ties upwards, glibc to even: redo those rare cases exactly.
  const tie = truncatedOnEvenTie(abs);
  if (tie !== null) [digits, exponent] = tie;

  const text =
    exponent >= -4 && exponent < SIGNIFICANT_DIGITS ? fixed(digits, exponent) : scientific(digits, exponent);
  return negative ? `-${text}` : text;
}

/** %g's %f branch: the 17 digits with the point placed by `exponent`, trailing zeros dropped. */
function fixed(digits: string, exponent: number): string {
  let text: string;
  if (exponent < 0) {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else {
    text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  return stripFraction(text);
}

/** %g's %e branch: d.dddd with trailing zeros dropped, then `e±XX` with at least two exponent digits. */
function scientific(digits: string, exponent: number): string {
  const mantissa = stripFraction(`${digits[0]}.${digits.slice(1)}`);
  const sign = exponent < 0 ? '-' : '+';
  const magnitude = Math.abs(exponent);
  return `${mantissa}e${sign}${magnitude < 10 ? '0' : ''}${magnitude}`;
}

function stripFraction(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30) end--;
  if (text.charCodeAt(end - 1) === 0x2e) end--;
  return text.slice(0, end);
}

/**
 * When `abs` lies exactly halfway between two 17-digit decimals and the lower one ends in an even digit,
 * returns that lower one (digits, decimal exponent): glibc's choice where toExponential picks the upper.
 * Returns null otherwise (nearly always, after one cheap check).
 */
function truncatedOnEvenTie(abs: number): [string, number] | null {
  const eighteen = abs.toExponential(SIGNIFICANT_DIGITS);
  const ePos = eighteen.indexOf('e');
  if (eighteen.charCodeAt(ePos - 1) !== 0x35) return null; // 18th digit is not 5: no tie possible
  const exact = exactDecimal(abs);
  if (exact.digits.length !== SIGNIFICANT_DIGITS + 1 || !exact.digits.endsWith('5')) return null;
  const lower = exact.digits.slice(0, SIGNIFICANT_DIGITS);
  if ((lower.charCodeAt(SIGNIFICANT_DIGITS - 1) - 0x30) % 2 !== 0) return null; // odd: rounding up is right
  return [lower, exact.exponent];
}

/** Exact decimal expansion of a finite positive double: significant digits and the exponent of the first. */
function exactDecimal(abs: number): { digits: string; exponent: number } {
  float64[0] = abs;
  const bits = float64Bits[0] as bigint;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let power = biased - 1075;
  if (biased === 0) power = -1074;
  else mantissa |= 1n << 52n;
  // abs = mantissa * 2^power = (mantissa * 5^-power) * 10^power when power < 0.
  let digits: string;
  let scale: number;
  if (power >= 0) {
    digits = (mantissa << BigInt(power)).toString();
    scale = 0;
  } else {
    digits = (mantissa * 5n ** BigInt(-power)).toString();
    scale = power;
  }
  const exponent = digits.length - 1 + scale;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 0x30) end--;
  return { digits: digits.slice(0, end), exponent };
}
