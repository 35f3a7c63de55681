// The copy-on-write snapshot of a full sync: whatever changes after it was taken, and in whatever order the walk
// and the changes meet the slots, it hands out exactly the keys, values and TTLs of the moment it was taken.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { keySlot } from '@tessera/slot';
import type { SnapshotEntry } from '@tessera/proto';
import { Database } from '../keyspace/database.js';
import { decodeDumpPayload } from '../keyspace/dump-payload.js';
import { isCollection } from '../keyspace/values.js';
import { ListValue } from '../keyspace/list-value.js';
import { KeyspaceSnapshot } from './keyspace-snapshot.js';

/** key -> [value text, expiry] of a database, or of snapshot entries. */
function contents(db: Database): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of db.allKeys()) {
    const value = db.peek(key);
    if (value === undefined) continue;
    out.set(
      key,
      `${isCollection(value) ? value.toParts().join(',') : String(value)}@${db.getExpire(key) ?? '-'}`,
    );
  }
  return out;
}

function entriesContents(entries: readonly SnapshotEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    const value = decodeDumpPayload(entry.payload);
    if (value === null) throw new Error('bad payload');
    const text = isCollection(value) ? value.toParts().join(',') : String(value);
    out.set(entry.key.toString('latin1'), `${text}@${entry.expireAtMs ?? '-'}`);
  }
  return out;
}

function drain(snapshot: KeyspaceSnapshot, maxBytes: number): SnapshotEntry[] {
  const all: SnapshotEntry[] = [];
  for (let chunk = snapshot.next(maxBytes); chunk !== null; chunk = snapshot.next(maxBytes))
    all.push(...chunk);
  return all;
}

function guarded(db: Database, offset = 0): KeyspaceSnapshot {
  const snapshot = new KeyspaceSnapshot(db, offset, () => (db.snapshotGuard = null));
  db.snapshotGuard = snapshot;
  return snapshot;
}

describe('KeyspaceSnapshot', () => {
  it('hands out every key with its TTL in chunks, then null, and releases its guard', () => {
    const db = new Database(() => 0);
    for (let i = 0; i < 500; i++) db.set(`k${i}`, `v${i}`);
    db.setExpire('k7', 123_456);
    const before = contents(db);
    let released = false;
    const snapshot = new KeyspaceSnapshot(db, 42, () => (released = true));
    const entries = drain(snapshot, 512);
    expect(entriesContents(entries)).toEqual(before);
    expect(snapshot.keyCount).toBe(500);
    expect(snapshot.offset).toBe(42);
    expect(released).toBe(true);
  });

  it('copies a slot before a write, a delete, an expiry change or a flush touches it', () => {
    const db = new Database(() => 0);
    for (let i = 0; i < 200; i++) db.set(`k${i}`, `v${i}`);
    db.set('list', ListValue.fromParts(['a', 'b']) as ListValue);
    const before = contents(db);
    const snapshot = guarded(db);
    const first = snapshot.next(256) ?? [];
    db.set('k150', 'changed');
    db.delete('k151');
    db.setExpire('k152', 99);
    db.set('new', 'key');
    db.snapshotGuard?.beforeChange(keySlot('list')); // what the dispatcher does before LPUSH
    (db.peek('list') as ListValue).pushHead('z');
    db.flush();
    const rest = drain(snapshot, 256);
    expect(entriesContents([...first, ...rest])).toEqual(before);
  });

  test.prop([
    fc.array(fc.tuple(fc.nat(299), fc.constantFrom('set', 'del', 'expire', 'next')), { maxLength: 200 }),
  ])('equals the keyspace at the snapshot, whatever writes interleave with the walk', (steps) => {
    const db = new Database(() => 0);
    for (let i = 0; i < 300; i++) db.set(`key:${i}`, `v${i}`);
    const before = contents(db);
    const snapshot = guarded(db);
    const got: SnapshotEntry[] = [];
    for (const [n, op] of steps) {
      if (op === 'set') db.set(`key:${n}`, `w${n}`);
      else if (op === 'del') db.delete(`key:${n}`);
      else if (op === 'expire') db.setExpire(`key:${n}`, n + 1);
      else got.push(...(snapshot.next(64) ?? []));
    }
    got.push(...drain(snapshot, 64));
    expect(entriesContents(got)).toEqual(before);
  });
});
