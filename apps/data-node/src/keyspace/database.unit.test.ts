import { describe, expect, it } from 'vitest';
import { AccessMode } from './access-clock.js';
import { Database } from './database.js';
import { COLLECTION_FACTORIES } from './collection-codecs.js';
import { KEY_OVERHEAD_BYTES, stringBytes, type CollectionValue } from './values.js';

function database(start = 1_000_000) {
  const time = { now: start };
  const modified: string[] = [];
  const db = new Database(() => time.now);
  db.observer = { keyModified: (key) => modified.push(key), keyspaceFlushed: () => modified.push('*') };
  return { db, time, modified };
}

describe('Database.rename', () => {
  it('moves the value, the TTL and the memory account, replacing the destination', () => {
    const { db, modified } = database();
    db.set('a', 'value');
    db.setExpire('a', 5_000_000);
    db.set('b', 'x'.repeat(100));
    const list = COLLECTION_FACTORIES.list?.(['1', '2']) as CollectionValue;
    db.set('l', list);
    const before = db.usedBytes;
    modified.length = 0;
    db.rename('a', 'b');
    expect(db.peek('a')).toBeUndefined();
    expect(db.peek('b')).toBe('value');
    expect(db.getExpire('b')).toBe(5_000_000);
    expect(db.getExpire('a')).toBeUndefined();
    expect(db.size).toBe(2);
    expect(db.usedBytes).toBe(before - (KEY_OVERHEAD_BYTES + 1 + stringBytes('x'.repeat(100))));
    expect(modified.sort()).toEqual(['a', 'b']);
    db.rename('l', 'l2');
    expect(db.peek('l2')).toBe(list);
    expect(db.getExpire('l2')).toBeUndefined();
  });

  it('carries exact expiry times and access data', () => {
    const { db, time } = database();
    db.setAccessMode(AccessMode.lru);
    db.set('a', 'v');
    db.setExpire('a', Number(9223372036854775807n), 9223372036854775807n);
    time.now += 3000;
    db.rename('a', 'b');
    expect(db.getExpireExact('b')).toBe(9223372036854775807n);
    expect(db.accessClock?.idleMs('b')).toBe(3000);
    expect(db.accessClock?.has('a')).toBe(false);
  });
});

describe('Database expiry', () => {
  it('keeps the exact value of times beyond 2^53 until the TTL changes or goes', () => {
    const { db } = database();
    db.set('k', 'v');
    db.setExpire('k', Number(2n ** 60n + 1n), 2n ** 60n + 1n);
    expect(db.getExpireExact('k')).toBe(2n ** 60n + 1n);
    db.setExpire('k', 2_000_000);
    expect(db.getExpireExact('k')).toBe(2_000_000);
    db.setExpire('k', Number(2n ** 60n + 1n), 2n ** 60n + 1n);
    db.persist('k');
    expect(db.getExpireExact('k')).toBeUndefined();
    db.setExpire('k', Number(2n ** 60n + 1n), 2n ** 60n + 1n);
    db.set('k', 'overwritten');
    expect(db.getExpireExact('k')).toBeUndefined();
  });

  it('reports an expired key through isExpired without deleting it', () => {
    const { db, time } = database();
    db.set('k', 'v');
    db.setExpire('k', time.now + 10);
    expect(db.isExpired('k')).toBe(false);
    time.now += 10;
    expect(db.isExpired('k')).toBe(true);
    expect(db.size).toBe(1);
    expect(db.lookupReadNoTouch('k')).toBeUndefined();
    expect(db.size).toBe(0);
  });

  it('samples distinct volatile keys and covers all of them over successive samples', () => {
    const { db } = database();
    for (let i = 0; i < 50; i++) {
      db.set(`v${i}`, 'x');
      db.setExpire(`v${i}`, 9_000_000);
      db.set(`p${i}`, 'x');
    }
    const seen = new Set<string>();
    const sample: string[] = [];
    // Each round skips up to 15 keys at random, so a key is missed by one pass over the table with
    // probability ~0.6; 400 rounds make ~100 passes (a key missed by all of them: ~1e-22).
    for (let round = 0; round < 400; round++) {
      db.sampleVolatileKeys(5, sample);
      expect(sample).toHaveLength(5);
      expect(new Set(sample).size).toBe(5);
      for (const key of sample) {
        expect(key.startsWith('v')).toBe(true);
        seen.add(key);
      }
    }
    expect(seen.size).toBe(50);
    db.sampleVolatileKeys(100, sample);
    expect(sample).toHaveLength(50);
  });
});

describe('Database access tracking', () => {
  it('keeps no access data until asked, then follows sets, reads and deletes', () => {
    const { db, time } = database();
    db.set('a', 'v');
    expect(db.accessMode).toBe(AccessMode.off);
    expect(db.accessClock).toBeNull();
    db.setAccessMode(AccessMode.lru);
    db.set('b', 'v');
    time.now += 1000;
    db.set('c', 'v');
    expect(db.accessClock?.oldest()).toBe('b');
    db.lookupRead('b');
    expect(db.accessClock?.oldest()).toBe('c');
    db.lookupReadNoTouch('c');
    expect(db.accessClock?.oldest()).toBe('c');
    db.delete('c');
    expect(db.accessClock?.has('c')).toBe(false);
    db.flush();
    expect(db.accessClock?.size).toBe(0);
    db.setAccessMode(AccessMode.off);
    expect(db.accessClock).toBeNull();
  });
});
