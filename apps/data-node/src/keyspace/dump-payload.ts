// The DUMP/RESTORE (and MIGRATE) serialization of one value. Both ends are tessera nodes, so the body is our
// own format, framed like Redis's payload (redis src/cluster.c createDumpPayload) so a truncated or altered
// payload is always caught:
//
//   kind (1 byte, DumpKind) | body | format version (2 bytes LE) | CRC-64/Jones of all before (8 bytes LE)
//
// body: a string's raw bytes; a collection's `toParts()` as a part count then each part's length and bytes
// (uint32 big-endian). Decoding never throws: any defect (length, checksum, version, kind, part framing,
// parts the kind's factory rejects, an empty collection) yields null. No I/O.
import { COLLECTION_FACTORIES, type CollectionFactory } from './collection-codecs.js';
import { crc64 } from './crc64.js';
import { isCollection, type Value, type ValueKind } from './values.js';

/** The kind byte: which value type the body holds. */
export const DumpKind = {
  /** Raw bytes of a string. */
  string: 0,
  /** List elements, head to tail. */
  list: 1,
  /** Set members. */
  set: 2,
  /** Sorted set: member, score, member, score... */
  zset: 3,
  /** Hash: field, value, field, value... */
  hash: 4,
} as const satisfies Record<ValueKind, number>;

const KIND_BY_BYTE: readonly ValueKind[] = ['string', 'list', 'set', 'zset', 'hash'];

/** Version of the body layout; bumped on any incompatible change (RESTORE refuses other versions). */
export const DUMP_FORMAT_VERSION = 1;
const TRAILER_BYTES = 10;
const U32_BYTES = 4;

export type CollectionFactories = Partial<Record<Exclude<ValueKind, 'string'>, CollectionFactory>>;

/** Serializes `value`. */
export function encodeDumpPayload(value: Value): Buffer {
  let out: Buffer;
  let pos: number;
  if (!isCollection(value)) {
    const length = value.length;
    out = Buffer.allocUnsafe(1 + length + TRAILER_BYTES);
    out[0] = DumpKind.string;
    if (typeof value === 'string') out.write(value, 1, length, 'latin1');
    else value.copy(out, 1);
    pos = 1 + length;
  } else {
    const parts = value.toParts();
    let size = 1 + U32_BYTES + TRAILER_BYTES;
    for (const part of parts) size += U32_BYTES + part.length;
    out = Buffer.allocUnsafe(size);
    out[0] = DumpKind[value.kind];
    out.writeUInt32BE(parts.length, 1);
    pos = 1 + U32_BYTES;
    for (const part of parts) {
      out.writeUInt32BE(part.length, pos);
      pos += U32_BYTES;
      pos += out.write(part, pos, part.length, 'latin1');
    }
  }
  out.writeUInt16LE(DUMP_FORMAT_VERSION, pos);
  const [hi, lo] = crc64(out, 0, pos + 2);
  out.writeUInt32LE(lo, pos + 2);
  out.writeUInt32LE(hi, pos + 6);
  return out;
}

/**
 * Rebuilds the value of a payload, or returns null when anything about it is wrong. `factories` rebuild
 * collections (the registered ones by default).
 */
export function decodeDumpPayload(
  payload: Uint8Array,
  factories: CollectionFactories = COLLECTION_FACTORIES,
): Value | null {
  const length = payload.length;
  if (length < 1 + TRAILER_BYTES) return null;
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, length);
  const end = length - TRAILER_BYTES;
  const [hi, lo] = crc64(bytes, 0, end + 2);
  if (bytes.readUInt32LE(end + 2) !== lo || bytes.readUInt32LE(end + 6) !== hi) return null;
  if (bytes.readUInt16LE(end) !== DUMP_FORMAT_VERSION) return null;
  const kind = KIND_BY_BYTE[bytes[0] as number];
  if (kind === undefined) return null;
  if (kind === 'string') return bytes.toString('latin1', 1, end);
  const parts = readParts(bytes, 1, end);
  const factory = factories[kind];
  if (parts === null || factory === undefined) return null;
  try {
    const value = factory(parts);
    return value !== null && value.kind === kind && value.size > 0 ? value : null;
  } catch {
    return null; // a factory that throws on hostile parts must not take the server down
  }
}

/** The length-prefixed parts in `bytes[start, end)`, or null unless they fill it exactly. */
function readParts(bytes: Buffer, start: number, end: number): string[] | null {
  if (end - start < U32_BYTES) return null;
  const count = bytes.readUInt32BE(start);
  let pos = start + U32_BYTES;
  // Each part needs at least its length prefix: bounds the array before allocating it.
  if (count > (end - pos) / U32_BYTES) return null;
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    if (end - pos < U32_BYTES) return null;
    const partLength = bytes.readUInt32BE(pos);
    pos += U32_BYTES;
    if (partLength > end - pos) return null;
    parts[i] = bytes.toString('latin1', pos, pos + partLength);
    pos += partLength;
  }
  return pos === end ? parts : null;
}
