// Byte access to string values for the range and bit commands (SETRANGE, APPEND, SETBIT, BITFIELD, BITOP...).
// A string value is a latin1 JS string or a Buffer (values.ts). Small results are stored back as strings
// (compact in a Map, cheap to GET); large ones become Buffers that later commands change in place, with
// room to grow like Redis's sds (sdsMakeRoomFor doubles up to 1 MB, then adds 1 MB), so SETBIT at rising
// offsets or repeated APPENDs cost amortised O(1) instead of a copy of the whole value each time.
// No I/O; the only state is one scratch buffer, valid until the next call.
import { constants } from 'node:buffer';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import type { StringValue } from '../../keyspace/values.js';

/** Results up to this many bytes are stored as strings; longer ones as Buffers mutated in place. */
export const SMALL_STRING_BYTES = 1024;
/** The longest JS string V8 can build; a longer value (up to proto-max-bulk-len) must be a Buffer. */
export const MAX_STRING_CHARS = constants.MAX_STRING_LENGTH;
/** Growth beyond this adds a fixed step instead of doubling (redis src/sds.h SDS_MAX_PREALLOC). */
const MAX_PREALLOC = 1024 * 1024;
/** proto-max-bulk-len cannot be set below 1 MB, so shorter strings never need the config lookup. */
const MIN_PROTO_MAX_BULK_LEN = 1024 * 1024;

const scratch = Buffer.alloc(SMALL_STRING_BYTES);
/** Backing stores allocated here with spare room: their bytes past the value's end belong to no one else. */
const growable = new WeakSet<ArrayBufferLike>();

/**
 * Redis's checkStringLength: replies with the error and returns false when a string of `size + append`
 * bytes would pass proto-max-bulk-len.
 */
export function checkStringLength(ctx: CommandContext, size: number, append: number): boolean {
  const total = size + append;
  if (total <= MIN_PROTO_MAX_BULK_LEN || total <= ctx.server.config.getNumber('proto-max-bulk-len'))
    return true;
  ctx.error(Err.stringTooLong);
  return false;
}

/** The bytes of `value` for reading only: a Buffer as it is, a string copied into a new Buffer. */
export function bytesOf(value: StringValue): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
}

/**
 * Bytes `start` to `end` (exclusive) of `value` for reading only: a view of a Buffer, or a copy of that part
 * of a string (into the shared scratch buffer when small: valid only until the next call of this module).
 */
export function readBytes(value: StringValue, start = 0, end = value.length): Buffer {
  if (typeof value !== 'string') return value.subarray(start, end);
  const length = end - start;
  if (length > SMALL_STRING_BYTES) return Buffer.from(value.slice(start, end), 'latin1');
  scratch.write(start === 0 && end === value.length ? value : value.slice(start, end), 0, length, 'latin1');
  return scratch.subarray(0, length);
}

/**
 * A writable copy (or, for a large Buffer value, the value itself) of `value`, zero-extended to at least
 * `length` bytes. Pass the result to `storeBytes` before calling this again: small results live in scratch.
 */
export function writableBytes(value: StringValue | undefined, length: number): Buffer {
  const oldLength = value === undefined ? 0 : value.length;
  const newLength = Math.max(oldLength, length);
  if (newLength <= SMALL_STRING_BYTES) {
    if (typeof value === 'string') scratch.write(value, 0, oldLength, 'latin1');
    else if (value !== undefined) value.copy(scratch, 0);
    scratch.fill(0, oldLength, newLength);
    return scratch.subarray(0, newLength);
  }
  if (typeof value !== 'string' && value !== undefined && growable.has(value.buffer)) {
    if (newLength === oldLength) return value;
    if (value.byteOffset + newLength <= value.buffer.byteLength) {
      const grown = Buffer.from(value.buffer, value.byteOffset, newLength);
      grown.fill(0, oldLength);
      return grown;
    }
  }
  // A new value gets its exact size, as Redis's sdsnewlen; a growing one gets room to grow further.
  const capacity = value === undefined || newLength === oldLength ? newLength : roomFor(newLength);
  const bytes = Buffer.alloc(capacity);
  growable.add(bytes.buffer);
  if (typeof value === 'string') bytes.write(value, 0, oldLength, 'latin1');
  else if (value !== undefined) value.copy(bytes, 0);
  return capacity === newLength ? bytes : bytes.subarray(0, newLength);
}

/**
 * Stores bytes returned by `writableBytes` at `key`: a string when small, else the Buffer. `previous` is the
 * value they were made from; when the bytes are that same Buffer (changed in place, same length), only the
 * change is signalled. The TTL is kept unless `keepTtl` is false (BITOP replaces its destination).
 */
export function storeBytes(
  ctx: CommandContext,
  key: string,
  bytes: Buffer,
  previous: StringValue | undefined,
  keepTtl = true,
): void {
  if (bytes === previous) ctx.db.touched(key);
  else if (bytes.length <= SMALL_STRING_BYTES) ctx.db.set(key, bytes.toString('latin1'), keepTtl);
  else ctx.db.set(key, bytes, keepTtl);
}

/** sds growth policy: double below 1 MB, otherwise 1 MB more; never beyond what a Buffer can hold. */
function roomFor(length: number): number {
  const room = length < MAX_PREALLOC ? length * 2 : length + MAX_PREALLOC;
  return Math.min(room, constants.MAX_LENGTH);
}
