// The bit offset argument of SETBIT, GETBIT and BITFIELD (redis src/bitops.c getBitOffsetFromArgument):
// an int64, optionally `#n` in BITFIELD meaning n times the field width (multiplied with C's 64-bit
// wrap-around), not negative, and addressing a byte below proto-max-bulk-len.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';

/** proto-max-bulk-len is at least 1 MB, so lower byte offsets never need the config lookup. */
const MIN_PROTO_MAX_BULK_LEN = 1024 * 1024;

/**
 * The bit offset in `text`, or null after replying with the error. `fieldBits` > 0 enables the `#n` form
 * (BITFIELD with a field of that many bits).
 */
export function parseBitOffset(ctx: CommandContext, text: string, fieldBits = 0): number | null {
  const hash = fieldBits > 0 && text.charCodeAt(0) === 0x23; /* # */
  const digits = hash ? text.slice(1) : text;
  let offset = parseInt64(digits);
  if (offset !== null && hash) {
    offset *= fieldBits;
    if (!Number.isSafeInteger(offset)) offset = Number(BigInt.asIntN(64, BigInt(digits) * BigInt(fieldBits)));
  }
  if (offset === null || offset < 0 || !withinBulkLimit(ctx, Math.floor(offset / 8))) {
    ctx.error(Err.bitOffset);
    return null;
  }
  return offset;
}

function withinBulkLimit(ctx: CommandContext, byte: number): boolean {
  return byte < MIN_PROTO_MAX_BULK_LEN || byte < ctx.server.config.getNumber('proto-max-bulk-len');
}
