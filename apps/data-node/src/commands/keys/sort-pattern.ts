// SORT's BY and GET patterns (redis 7.0 src/sort.c lookupKeyByPattern): `#` is the element itself; otherwise
// the first `*` is replaced by the element to name a key, whose string value is the result, or, when the
// pattern continues with `->field` after the `*`, the value of that field of the hash at the key. No `*`,
// a missing key or a key of another type gives null. `#`, `*` and `->` are looked for in the pattern as C
// sees it (up to a NUL byte), while the pieces copied keep its full length, as Redis does.
import type { Database } from '../../keyspace/database.js';
import { isCollection, type CollectionValue } from '../../keyspace/values.js';
import { cString } from './sort-options.js';

export function lookupByPattern(db: Database, pattern: string, element: string): string | null {
  const visible = cString(pattern);
  if (visible === '#') return element;
  const star = visible.indexOf('*');
  if (star === -1) return null;
  const arrow = visible.indexOf('->', star + 1);
  const hasField = arrow !== -1 && arrow + 2 < visible.length;
  const fieldLength = hasField ? pattern.length - arrow - 2 : 0;
  const postfixLength = pattern.length - star - 1 - (hasField ? fieldLength + 2 : 0);
  const key = pattern.slice(0, star) + element + pattern.slice(star + 1, star + 1 + postfixLength);
  const value = db.lookupRead(key);
  if (value === undefined) return null;
  if (!hasField) {
    if (isCollection(value)) return null;
    return typeof value === 'string' ? value : value.toString('latin1');
  }
  if (!isCollection(value) || value.kind !== 'hash') return null;
  return hashField(value, pattern.slice(arrow + 2));
}

/**
 * A hash field through the CollectionValue interface only (toParts: field, value, ...), so it works with
 * any hash implementation. O(fields) per lookup.
 */
function hashField(hash: CollectionValue, field: string): string | null {
  const parts = hash.toParts();
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === field) return parts[i + 1] as string;
  return null;
}
