// The value types a key can hold, and how to tell them apart cheaply on the hot path.
// Strings are stored bare (a latin1 byte string, or a Buffer once mutated in place by bit/range commands),
// so a string key costs no wrapper object. Collections are classes with a `kind` tag and a `bytes`
// estimate that their own mutators keep current; the Database reads it to account memory.

/** The TYPE command's names. */
export const ValueKind = {
  string: 'string',
  list: 'list',
  set: 'set',
  zset: 'zset',
  hash: 'hash',
} as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

/** A string value: one char per byte (latin1), or a Buffer. */
export type StringValue = string | Buffer;

/** The thresholds that decide OBJECT ENCODING (hash-max-listpack-entries, ...), read from the config. */
export interface EncodingLimits {
  readonly hashMaxListpackEntries: number;
  readonly hashMaxListpackValue: number;
  readonly setMaxIntsetEntries: number;
  readonly zsetMaxListpackEntries: number;
  readonly zsetMaxListpackValue: number;
}

/** What every collection value class (list, set, zset, hash) provides. */
export interface CollectionValue {
  readonly kind: Exclude<ValueKind, 'string'>;
  /** Estimated bytes of the elements and their bookkeeping, kept current by the collection's mutators. */
  readonly bytes: number;
  /** Bytes last added to the database's memory account (owned by the Database; collections never touch it). */
  accountedBytes: number;
  /** Number of elements; a collection with 0 elements must be deleted by the command that emptied it. */
  readonly size: number;
  /** A deep copy (COPY). */
  clone(): CollectionValue;
  /** The name Redis 7.0 reports in OBJECT ENCODING for the same content (listpack, hashtable, intset, ...). */
  encoding(limits: EncodingLimits): string;
  /**
   * The content as a flat list of byte strings, the form DUMP serializes and `fromParts` of the kind
   * (see collection-codecs.ts) rebuilds: list elements head to tail; set members; hash field, value, field,
   * value...; zset member, score, member, score... in score order with each score written so that it parses
   * back to the identical double (e.g. `String(score)`, with `inf`/`-inf`).
   */
  toParts(): string[];
  /** Members for SORT and DEBUG DIGEST: list elements in order, set members, zset members by score, hash fields. */
  members(): Iterable<string>;
}

export type Value = StringValue | CollectionValue;

/** True for list, set, zset and hash values (a string or Buffer has no `kind`). */
export function isCollection(value: Value): value is CollectionValue {
  return typeof value !== 'string' && (value as Partial<CollectionValue>).kind !== undefined;
}

export function isString(value: Value): value is StringValue {
  return !isCollection(value);
}

export function kindOf(value: Value): ValueKind {
  return isCollection(value) ? value.kind : ValueKind.string;
}

/** Fixed per-key cost in the memory estimate (hash table entry, key header, value header), close to Redis's. */
export const KEY_OVERHEAD_BYTES = 56;

export function stringBytes(value: StringValue): number {
  return value.length + 16;
}

export function valueBytes(value: Value): number {
  return isCollection(value) ? value.bytes : stringBytes(value);
}
