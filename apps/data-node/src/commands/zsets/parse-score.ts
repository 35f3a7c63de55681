// Score and weight arguments: Redis's float rules (util/parse-double.ts, "value is not a valid float"),
// with a fast path for the short integers that most scores are, since ZADD parses one per member.
import { parseDouble } from '../../util/parse-double.js';

/** Digits (after an optional '-') below which a decimal integer converts exactly by arithmetic. */
const MAX_FAST_DIGITS = 15;

/** The score `text` denotes, or null when Redis would refuse it. */
export function parseScore(text: string): number | null {
  const length = text.length;
  const negative = length > 1 && text.charCodeAt(0) === 45; /* - */
  const digits = negative ? length - 1 : length;
  if (digits === 0 || digits > MAX_FAST_DIGITS) return parseDouble(text);
  let value = 0;
  for (let i = negative ? 1 : 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return parseDouble(text);
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
