// What OBJECT ENCODING and OBJECT REFCOUNT report for a string (redis src/object.c tryObjectEncoding):
// `int` for a canonical 64-bit integer of at most 20 bytes, `embstr` up to 44 bytes, else `raw`; a string
// mutated in place (a Buffer: SETRANGE, SETBIT, APPEND) is `raw`. Integers 0..9999 are Redis's shared
// objects (refcount INT_MAX) unless maxmemory is set with an LRU/LFU policy, which needs per-key objects.
import type { StringValue } from '../../keyspace/values.js';
import { parseInt64 } from '../../util/int64.js';

const INT_MAX_LENGTH = 20;
const EMBSTR_MAX_LENGTH = 44;
const SHARED_INTEGERS = 10000;
const SHARED_REFCOUNT = 2147483647;

export function stringEncoding(value: StringValue): 'int' | 'embstr' | 'raw' {
  if (typeof value !== 'string') return 'raw';
  if (value.length <= INT_MAX_LENGTH && parseInt64(value) !== null) return 'int';
  return value.length <= EMBSTR_MAX_LENGTH ? 'embstr' : 'raw';
}

/** OBJECT REFCOUNT of a string; `sharingAllowed` is false when maxmemory is set with an LRU/LFU policy. */
export function stringRefcount(value: StringValue, sharingAllowed: boolean): number {
  if (!sharingAllowed || typeof value !== 'string' || value.length > 4) return 1;
  const n = parseInt64(value);
  return n !== null && n >= 0 && n < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
}
