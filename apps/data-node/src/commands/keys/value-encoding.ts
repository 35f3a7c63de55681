// The encoding name OBJECT ENCODING and DEBUG OBJECT report for a value (redis src/object.c
// strEncoding): for a string, string-encoding.ts's rule; for a collection, what the value class decides from
// the *-max-listpack-* / set-max-intset-entries thresholds of the configuration. No reply writing here.
import type { ConfigStore } from '../../config/config-store.js';
import { isCollection, type Value } from '../../keyspace/values.js';
import { stringEncoding } from './string-encoding.js';

/** `int`, `embstr`, `raw`, `listpack`, `quicklist`, `intset`, `hashtable` or `skiplist`. */
export function valueEncoding(value: Value, config: ConfigStore): string {
  if (!isCollection(value)) return stringEncoding(value);
  return value.encoding({
    hashMaxListpackEntries: config.getNumber('hash-max-listpack-entries'),
    hashMaxListpackValue: config.getNumber('hash-max-listpack-value'),
    setMaxIntsetEntries: config.getNumber('set-max-intset-entries'),
    zsetMaxListpackEntries: config.getNumber('zset-max-listpack-entries'),
    zsetMaxListpackValue: config.getNumber('zset-max-listpack-value'),
  });
}
