// The expire argument of SET, SETEX, PSETEX and GETEX turned into an absolute time in ms, with Redis 7.0's
// checks (getExpireMillisecondsOrReply in redis src/t_string.c): not an int64 -> "not an integer"; zero or
// negative, seconds above LLONG_MAX / 1000, or a relative time whose sum with now passes LLONG_MAX (C's
// signed overflow, seen there as a result <= 0) -> "invalid expire time". Exact over the whole int64 range.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { INT64_MAX, parseInt64 } from '../../util/int64.js';

/** The four expire options and their unit in ms. */
export const ExpireUnit = { EX: 1000, PX: 1, EXAT: 1000, PXAT: 1 } as const;
export type ExpireOption = keyof typeof ExpireUnit;

/** LLONG_MAX / 1000 in C integer division: the largest seconds value Redis accepts. */
const MAX_SECONDS = 9223372036854775n;

/** True for an option name (already upper-cased) that takes an expire time. */
export function isExpireOption(option: string): option is ExpireOption {
  return option === 'EX' || option === 'PX' || option === 'EXAT' || option === 'PXAT';
}

/**
 * The absolute expiry in ms for `text` given with option `kind`, or null after replying with the error.
 * `command` names the command in "invalid expire time in '<command>' command".
 */
export function expireAtOrReply(
  ctx: CommandContext,
  kind: ExpireOption,
  text: string,
  command: string,
): number | null {
  const n = parseInt64(text);
  if (n === null) {
    ctx.error(Err.notInteger);
    return null;
  }
  const unit = ExpireUnit[kind];
  // Below 2^53 the double is exact; beyond, the limits are checked on the exact value of the text.
  const exact = Number.isSafeInteger(n);
  if (n <= 0 || (unit === 1000 && !exact && BigInt(text) > MAX_SECONDS)) {
    ctx.error(Err.invalidExpire(command));
    return null;
  }
  const base = kind === 'EX' || kind === 'PX' ? ctx.server.now() : 0;
  const at = n * unit + base;
  if (exact && Number.isSafeInteger(at)) return at;
  if (BigInt(text) * BigInt(unit) + BigInt(base) > INT64_MAX) {
    ctx.error(Err.invalidExpire(command));
    return null;
  }
  return at;
}
