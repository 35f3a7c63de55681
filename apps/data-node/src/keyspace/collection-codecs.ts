// Rebuilding collection values from their flat parts (CollectionValue.toParts), one entry per kind.
// DUMP/RESTORE and MIGRATE use it; each family registers its kind's factory here.
import { HashValue } from './hash-value.js';
import { ListValue } from './list-value.js';
import { SetValue } from './set-value.js';
import type { CollectionValue, ValueKind } from './values.js';
import { ZsetValue } from './zset-value.js';

/** Rebuilds a value from parts, or returns null when the parts are malformed (odd count, bad score...). */
export type CollectionFactory = (parts: readonly string[]) => CollectionValue | null;

export const COLLECTION_FACTORIES: Partial<Record<Exclude<ValueKind, 'string'>, CollectionFactory>> = {
  list: (parts) => ListValue.fromParts(parts),
  zset: (parts) => ZsetValue.fromParts(parts),
  hash: (parts) => HashValue.fromParts(parts),
  set: (parts) => SetValue.fromParts(parts),
};
