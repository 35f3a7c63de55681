// The count of SRANDMEMBER and HRANDFIELD, parsed as Redis 7.0 does (getRangeLongFromObjectOrReply with
// -LONG_MAX..LONG_MAX, so LLONG_MIN is refused; HRANDFIELD WITHVALUES also refuses beyond +-LONG_MAX/2, where
// Redis doubles the count; both checks are exact, as doubles cannot tell these int64s apart), and a bound Redis lacks: a negative count asks for that many picks with
// repetition, and Redis builds such a reply whole until memory runs out (SRANDMEMBER k -9223372036854775807
// kills redis-server 7.0.15). Here a reply estimated above RANDOM_REPLY_LIMIT_BYTES is refused instead.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';

/** Largest reply a negative count may produce: 64 MiB, the same bound as ZRANDMEMBER's. */
export const RANDOM_REPLY_LIMIT_BYTES = 64 * 1024 * 1024;

const LONG_MAX = 9223372036854775807n;
const HALF_LONG_MAX = LONG_MAX / 2n;
/** Doubles at or beyond this magnitude may be rounded int64s: range checks there are done exactly. */
const INEXACT_MAGNITUDE = 2 ** 62;

/** The count at argv[index], or null after replying with Redis's error. */
export function parseRandomCount(ctx: CommandContext, index: number): number | null {
  const text = ctx.arg(index);
  const count = parseInt64(text);
  if (count === null) {
    ctx.error(Err.notInteger);
    return null;
  }
  if (count <= -INEXACT_MAGNITUDE && BigInt(text) < -LONG_MAX) {
    ctx.error(Err.countOutOfRange);
    return null;
  }
  return count;
}

/** HRANDFIELD WITHVALUES: whether the (valid) count at argv[index] is within +-LONG_MAX/2; else replies. */
export function pairCountFits(ctx: CommandContext, index: number, count: number): boolean {
  if (count > -INEXACT_MAGNITUDE && count < INEXACT_MAGNITUDE) return true;
  const exact = BigInt(ctx.arg(index));
  if (exact >= -HALF_LONG_MAX && exact <= HALF_LONG_MAX) return true;
  ctx.error(Err.valueOutOfRange);
  return false;
}

/** Bytes of one bulk string of `length` bytes in RESP (`$<length>\r\n<bytes>\r\n`). */
export function bulkBytes(length: number): number {
  return length + String(length).length + 5;
}

/**
 * Whether `picks` elements averaging `meanBytes` of RESP each fit RANDOM_REPLY_LIMIT_BYTES; if not, replies
 * with the error and returns false.
 */
export function replyFits(ctx: CommandContext, command: string, picks: number, meanBytes: number): boolean {
  if (picks * meanBytes <= RANDOM_REPLY_LIMIT_BYTES) return true;
  ctx.error(Err.randomReplyTooLarge(command, RANDOM_REPLY_LIMIT_BYTES));
  return false;
}
