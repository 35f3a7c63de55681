// DEBUG DIGEST / DIGEST-VALUE: a 20-byte SHA1-based fingerprint of values, equal on two data-nodes exactly
// when the values are equal (redis-cli --cluster compares them to resolve BUSYKEY during resharding). The
// scheme is the data-node's own, not Redis's bytes: ordered content (strings, lists, sorted sets) is hashed
// in order, unordered content (sets, hashes) as the XOR of per-element hashes, so insertion order never
// matters. A missing key is 20 zero bytes, like Redis.
import { createHash } from 'node:crypto';
import type { Database } from '../../keyspace/database.js';
import { isCollection, kindOf, type Value } from '../../keyspace/values.js';

const DIGEST_BYTES = 20;
export const ZERO_DIGEST = Buffer.alloc(DIGEST_BYTES);

/** SHA1 of length-prefixed byte strings (so ["ab","c"] and ["a","bc"] differ). */
function sha1(parts: readonly (string | Buffer)[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) {
    hash.update(`${part.length}:`, 'latin1');
    if (typeof part === 'string') hash.update(part, 'latin1');
    else hash.update(part);
  }
  return hash.digest();
}

function xorInto(target: Buffer, digest: Buffer): void {
  for (let i = 0; i < DIGEST_BYTES; i++) target[i] = (target[i] as number) ^ (digest[i] as number);
}

/** The digest of one value (not of its key or TTL: DIGEST-VALUE). */
export function valueDigest(value: Value): Buffer {
  const kind = kindOf(value);
  if (!isCollection(value)) return sha1([kind, value]);
  const parts = value.toParts();
  if (kind === 'list' || kind === 'zset') return sha1([kind, ...parts]);
  const unordered = Buffer.alloc(DIGEST_BYTES);
  const step = kind === 'hash' ? 2 : 1; // a hash field counts with its value
  for (let i = 0; i < parts.length; i += step) xorInto(unordered, sha1(parts.slice(i, i + step)));
  return sha1([kind, unordered]);
}

/**
 * DEBUG DIGEST: the XOR over keys of hash(key, value digest, expiry), so it does not depend on iteration
 * order; all zeros for an empty keyspace.
 */
export function datasetDigest(db: Database): Buffer {
  const digest = Buffer.alloc(DIGEST_BYTES);
  for (const key of db.allKeys()) {
    if (db.isExpired(key)) continue;
    const value = db.peek(key);
    if (value === undefined) continue;
    const expire = db.getExpireExact(key);
    xorInto(digest, sha1([key, valueDigest(value), expire === undefined ? '' : String(expire)]));
  }
  return digest;
}
