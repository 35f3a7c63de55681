// The hash value (HSET, HGET...): fields and values are byte strings (latin1). It has two forms, picked for
// memory and speed, with no object per field:
// - packed, the counterpart of Redis's listpack: up to 512 fields, every field and value at most 255 bytes,
//   held as ONE latin1 string of entries `[field length][field tag][field][value length][value]` (lengths and
//   the 8-bit tag are one char each). A 10-field hash is then one string: 340 heap bytes per such hash with its
//   key, against about 1,100 for a Map and its 20 strings (100,000 such hashes is a memory benchmark against
//   redis-server). A lookup walks the entries and skips almost all of them on length and tag, like Redis walks
//   a listpack; insertion order is kept, as in a listpack.
// - dense, for good once the hash outgrows that (like Redis's conversion to a hashtable): a Map from field to
//   index into two parallel arrays. A delete moves the last entry into the hole, so indexes stay 0..size-1: a
//   random field is one array read (HRANDFIELD), and a scan can page by index
//   (commands/collection-scan.ts).
// OBJECT ENCODING does not follow the form: it is computed from the largest size and the longest field or
// value the hash ever held, so it obeys hash-max-listpack-* and stays `hashtable` once converted, as in
// Redis 7.0. No keyspace logic here: commands delete a key whose hash became empty.
import { ValueKind, type CollectionValue, type EncodingLimits } from './values.js';

/**
 * Most fields of a packed hash: Redis 7.0's built-in hash-max-listpack-entries, so that a hash Redis keeps as a
 * listpack (in insertion order, also after deletes) is packed here too and lists its fields in the same order.
 */
const PACKED_MAX_ENTRIES = 512;
/** Longest field or value of a packed hash: its length must fit one char. */
const PACKED_MAX_LENGTH = 255;
/** Fixed cost of a hash: the object and the packed string's header. */
const HASH_BASE_BYTES = 72;
/** Per-field cost of the dense form besides the bytes: Map entry, two array slots, two string headers. */
const DENSE_ENTRY_BYTES = 80;

/** The dense form: `index` maps a field to its slot in `fields` and `values`. */
class DenseTable {
  readonly index = new Map<string, number>();
  readonly fields: string[] = [];
  readonly values: string[] = [];
  /** Total length of the fields and values. */
  contentBytes = 0;
}

export class HashValue implements CollectionValue {
  accountedBytes = 0;
  /** The packed entries (a string), or the dense table. Few fields: there is one HashValue per hash key. */
  private data: string | DenseTable = '';
  private count = 0;
  private peakSize = 0;
  private peakLength = 0;

  /** A hash holding `parts` (field, value, field, value...); null when empty or odd (DUMP payloads). */
  static fromParts(parts: readonly string[]): HashValue | null {
    if (parts.length === 0 || parts.length % 2 !== 0) return null;
    const hash = new HashValue();
    for (let i = 0; i < parts.length; i += 2) hash.set(parts[i] as string, parts[i + 1] as string);
    return hash;
  }

  get kind(): typeof ValueKind.hash {
    return ValueKind.hash;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    const data = this.data;
    if (typeof data === 'string') return HASH_BASE_BYTES + data.length;
    return HASH_BASE_BYTES + this.count * DENSE_ENTRY_BYTES + data.contentBytes;
  }

  /** The value of `field`, or undefined. */
  get(field: string): string | undefined {
    const data = this.data;
    if (typeof data !== 'string') {
      const i = data.index.get(field);
      return i === undefined ? undefined : data.values[i];
    }
    const pos = findPacked(data, field);
    return pos < 0 ? undefined : packedValue(data, pos);
  }

  has(field: string): boolean {
    const data = this.data;
    return typeof data === 'string' ? findPacked(data, field) >= 0 : data.index.has(field);
  }

  /** Sets `field` to `value`; true when the field is new. */
  set(field: string, value: string): boolean {
    const longest = field.length > value.length ? field.length : value.length;
    if (longest > this.peakLength) this.peakLength = longest;
    let created: boolean;
    const packed = this.data;
    if (typeof packed !== 'string') {
      created = this.setDense(field, value);
    } else if (longest > PACKED_MAX_LENGTH) {
      this.toDense();
      created = this.setDense(field, value);
    } else {
      const pos = findPacked(packed, field);
      created = pos < 0;
      if (!created) {
        const v = pos + 2 + field.length;
        const end = v + 1 + packed.charCodeAt(v);
        this.data = flatten(
          packed.slice(0, v) + String.fromCharCode(value.length) + value + packed.slice(end),
        );
      } else if (this.count < PACKED_MAX_ENTRIES) {
        this.data = flatten(packed + packedEntry(field, value));
        this.count++;
      } else {
        this.toDense();
        this.setDense(field, value);
      }
    }
    if (this.count > this.peakSize) this.peakSize = this.count;
    return created;
  }

  /** Removes `field`; true when it was there. */
  delete(field: string): boolean {
    const data = this.data;
    if (typeof data === 'string') {
      const pos = findPacked(data, field);
      if (pos < 0) return false;
      this.data = flatten(data.slice(0, pos) + data.slice(nextPacked(data, pos)));
      this.count--;
      return true;
    }
    const table = data;
    const i = table.index.get(field);
    if (i === undefined) return false;
    const last = this.count - 1;
    table.contentBytes -= field.length + (table.values[i] as string).length;
    if (i !== last) {
      const moved = table.fields[last] as string;
      table.fields[i] = moved;
      table.values[i] = table.values[last] as string;
      table.index.set(moved, i);
    }
    table.fields.pop();
    table.values.pop();
    table.index.delete(field);
    this.count--;
    return true;
  }

  // ------------------------------------------------------------------ positions
  // A position names one entry: a string offset when packed, an index when dense. Walk with
  // `for (let p = h.first(); p !== -1; p = h.next(p))`; any change to the hash invalidates positions.

  /** Whether the hash is packed (small): then HSCAN returns it whole, like Redis with a listpack. */
  get isPacked(): boolean {
    return typeof this.data === 'string';
  }

  /** Position of the first entry (insertion order when packed), or -1 when empty. */
  first(): number {
    return this.count === 0 ? -1 : 0;
  }

  /** Position after `pos`, or -1 at the end. */
  next(pos: number): number {
    const data = this.data;
    if (typeof data !== 'string') return pos + 1 < this.count ? pos + 1 : -1;
    const next = nextPacked(data, pos);
    return next < data.length ? next : -1;
  }

  /**
   * Position of the i-th entry (0 <= i < size). Dense: the index itself, and entries never move except the
   * last one, which a delete moves into the freed index. Packed: O(1) after one O(n) pass per change.
   */
  positionOf(i: number): number {
    const data = this.data;
    return typeof data === 'string' ? (packedOffsets(data)[i] as number) : i;
  }

  fieldAt(pos: number): string {
    const data = this.data;
    if (typeof data !== 'string') return data.fields[pos] as string;
    return data.substring(pos + 2, pos + 2 + data.charCodeAt(pos));
  }

  valueAt(pos: number): string {
    const data = this.data;
    return typeof data === 'string' ? packedValue(data, pos) : (data.values[pos] as string);
  }

  // ------------------------------------------------------------------ CollectionValue

  encoding(limits: EncodingLimits): string {
    return this.peakSize > limits.hashMaxListpackEntries || this.peakLength > limits.hashMaxListpackValue
      ? 'hashtable'
      : 'listpack';
  }

  clone(): HashValue {
    const copy = new HashValue();
    copy.count = this.count;
    copy.peakSize = this.peakSize;
    copy.peakLength = this.peakLength;
    const data = this.data;
    if (typeof data === 'string') {
      copy.data = data;
    } else {
      const dense = new DenseTable();
      for (const [field, i] of data.index) dense.index.set(field, i);
      dense.fields.push(...data.fields);
      dense.values.push(...data.values);
      dense.contentBytes = data.contentBytes;
      copy.data = dense;
    }
    return copy;
  }

  toParts(): string[] {
    const parts: string[] = [];
    for (let p = this.first(); p !== -1; p = this.next(p)) parts.push(this.fieldAt(p), this.valueAt(p));
    return parts;
  }

  *members(): IterableIterator<string> {
    for (let p = this.first(); p !== -1; p = this.next(p)) yield this.fieldAt(p);
  }

  // ------------------------------------------------------------------ dense form

  private setDense(field: string, value: string): boolean {
    const table = this.data as DenseTable;
    const i = table.index.get(field);
    if (i !== undefined) {
      table.contentBytes += value.length - (table.values[i] as string).length;
      table.values[i] = value;
      return false;
    }
    table.index.set(field, this.count);
    table.fields.push(field);
    table.values.push(value);
    table.contentBytes += field.length + value.length;
    this.count++;
    return true;
  }

  /**
   * Converts a packed hash. Fields and values are copied out through one Buffer: substrings of the packed string
   * would be V8 sliced strings that keep the whole packed string alive as long as any of them lives.
   */
  private toDense(): void {
    const packed = this.data as string;
    const bytes = Buffer.from(packed, 'latin1');
    const table = new DenseTable();
    for (let pos = 0; pos < packed.length; pos = nextPacked(packed, pos)) {
      const v = pos + 2 + packed.charCodeAt(pos);
      const field = bytes.toString('latin1', pos + 2, v);
      const value = bytes.toString('latin1', v + 1, v + 1 + packed.charCodeAt(v));
      table.index.set(field, table.fields.length);
      table.fields.push(field);
      table.values.push(value);
      table.contentBytes += field.length + value.length;
    }
    this.data = table;
  }
}

// -------------------------------------------------------------------- packed entries

/** An 8-bit digest of a field, stored beside its length so a lookup rarely compares bytes. */
function fieldTag(field: string): number {
  let h = field.length;
  for (let i = 0; i < field.length; i++) h = (h * 31 + field.charCodeAt(i)) & 0xffff;
  return (h ^ (h >>> 8)) & 0xff;
}

function packedEntry(field: string, value: string): string {
  return (
    String.fromCharCode(field.length) +
    String.fromCharCode(fieldTag(field)) +
    field +
    String.fromCharCode(value.length) +
    value
  );
}

/**
 * The entry offsets of the last packed string asked for (HRANDFIELD picks many positions from one hash). A
 * packed string never changes, so the memo is valid for any hash holding an equal string, and no mutation has
 * to invalidate it.
 */
let memoPacked = '';
let memoOffsets: number[] = [];

function packedOffsets(packed: string): number[] {
  if (packed !== memoPacked) {
    const offsets: number[] = [];
    for (let pos = 0; pos < packed.length; pos = nextPacked(packed, pos)) offsets.push(pos);
    memoPacked = packed;
    memoOffsets = offsets;
  }
  return memoOffsets;
}

/** Offset of the entry of `field` in `packed`, or -1. */
function findPacked(packed: string, field: string): number {
  const length = field.length;
  if (length > PACKED_MAX_LENGTH) return -1;
  const tag = fieldTag(field);
  const end = packed.length;
  let pos = 0;
  while (pos < end) {
    const fieldLength = packed.charCodeAt(pos);
    if (fieldLength === length && packed.charCodeAt(pos + 1) === tag && packed.startsWith(field, pos + 2))
      return pos;
    const v = pos + 2 + fieldLength;
    pos = v + 1 + packed.charCodeAt(v);
  }
  return -1;
}

function nextPacked(packed: string, pos: number): number {
  const v = pos + 2 + packed.charCodeAt(pos);
  return v + 1 + packed.charCodeAt(v);
}

function packedValue(packed: string, pos: number): string {
  const v = pos + 2 + packed.charCodeAt(pos);
  return packed.substring(v + 1, v + 1 + packed.charCodeAt(v));
}

/**
 * V8 keeps `a + b` as a rope of its parts until the string is read; reading one char makes it one flat string
 * (the parts become garbage), so a packed hash costs its bytes and not a tree of fragments.
 */
function flatten(s: string): string {
  s.charCodeAt(0);
  return s;
}
