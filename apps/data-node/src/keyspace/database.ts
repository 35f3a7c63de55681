// The keyspace: keys -> values, their expiry times, and the per-slot index that cluster mode needs.
// Keys live in one Map per hash slot (16384 of them, made on first use), so COUNTKEYSINSLOT and
// GETKEYSINSLOT cost no scan and a slot can be handed over whole; a separate Map holds expiry times.
// Keys are byte strings (latin1). No I/O: the clock is injected, and the server observes changes
// (WATCH, blocked clients) through `KeyspaceObserver`. Per-key access data (LRU/LFU) exists only while an
// `AccessClock` is attached (see access-clock.ts).
import { keySlot, SLOT_COUNT } from '@tessera/slot';
import { AccessClock, AccessMode } from './access-clock.js';
import { isCollection, KEY_OVERHEAD_BYTES, valueBytes, type CollectionValue, type Value } from './values.js';

/**
 * Told before a slot's keys change while a replica's full sync is taking a snapshot (copy-on-write: the slot
 * is copied first, so the snapshot holds it as it was at the snapshot's offset).
 */
export interface SnapshotGuard {
  /** A key of `slot` is about to change or go. */
  beforeChange(slot: number): void;
  /** Every key is about to go (FLUSHALL, a full sync's replacement). */
  beforeFlush(): void;
}

/** Told about every change of a key: invalidates WATCH and wakes clients blocked on it. */
export interface KeyspaceObserver {
  keyModified(key: string): void;
  /** FLUSHALL/FLUSHDB: every key may have changed. */
  keyspaceFlushed(): void;
}

export interface KeyspaceStats {
  hits: number;
  misses: number;
  expiredKeys: number;
  evictedKeys: number;
}

export interface ScanPage {
  /** The cursor to pass next; 0 when the scan is complete. */
  readonly cursor: number;
  readonly keys: string[];
}

export class Database {
  private slots: (Map<string, Value> | undefined)[] = new Array<Map<string, Value> | undefined>(SLOT_COUNT);
  private expires = new Map<string, number>();
  /**
   * Expiry times beyond 2^53 ms (year 287396+), which a double cannot hold exactly: kept as bigint beside
   * the rounded `expires` entry so PEXPIRETIME answers the exact int64 Redis stores. Almost always empty.
   */
  private exactExpires = new Map<string, bigint>();
  private expireCursor: IterableIterator<[string, number]> | null = null;
  private volatileCursor: IterableIterator<string> | null = null;
  /** Access recency/frequency, or null when nothing needs it (the default). */
  private access: AccessClock | null = null;
  private keyCount = 0;
  /** Estimated bytes held by keys and values (INFO used_memory's dataset part, maxmemory). */
  usedBytes = 0;
  observer: KeyspaceObserver | null = null;
  /**
   * When false (a replica), logically expired keys read as missing but are not deleted: the master's
   * DEL decides (Redis: expireIfNeeded on replicas).
   */
  deleteExpired = true;
  /**
   * True while a replica runs its master's stream: expired keys still count as present, since the master's
   * commands were computed on them (redis expireIfNeeded returns 0 for the master client); a DEL from the
   * master deletes such a key.
   */
  applyingMasterStream = false;
  readonly stats: KeyspaceStats = { hits: 0, misses: 0, expiredKeys: 0, evictedKeys: 0 };
  /**
   * Counts changes made through this class's writers (Redis's server.dirty): a command that moved it changed
   * the dataset and is propagated to replicas. Deletions the server makes on its own (expiry, eviction) do
   * not move it: they go to `deletionFeed` instead.
   */
  dirty = 0;
  /** Keys the server deleted on its own (expired, evicted): replication propagates them as DEL. */
  deletionFeed: ((key: string) => void) | null = null;
  /** Set while a full sync takes a snapshot (see SnapshotGuard); null otherwise. */
  snapshotGuard: SnapshotGuard | null = null;

  /** The last key hashed and its slot: a command that looks a key up and then writes it hashes it once. */
  private lastKey: string | null = null;
  private lastSlot = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Number of keys (DBSIZE), including ones that expired but were not reclaimed yet. */
  get size(): number {
    return this.keyCount;
  }

  /** Number of keys with a TTL. */
  get expiresCount(): number {
    return this.expires.size;
  }

  // ---------------------------------------------------------------- lookups

  /**
   * Read lookup: counts keyspace hits/misses; an expired key is deleted and reads as missing. Counts as an
   * access for LRU/LFU.
   */
  lookupRead(key: string): Value | undefined {
    const value = this.lookupWrite(key);
    if (value === undefined) this.stats.misses++;
    else this.stats.hits++;
    return value;
  }

  /** Lookup for a command that will modify the key: no hit/miss statistics. Counts as an access. */
  lookupWrite(key: string): Value | undefined {
    const value = this.slots[this.slotOf(key)]?.get(key);
    if (value === undefined) return undefined;
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return undefined;
    if (this.access !== null) this.access.touch(key);
    return value;
  }

  /**
   * Read lookup that is not an access (Redis LOOKUP_NOTOUCH: TYPE, TTL, EXISTS, OBJECT): counts hits and
   * misses and expires the key, but leaves its LRU/LFU data alone.
   */
  lookupReadNoTouch(key: string): Value | undefined {
    let value = this.slots[this.slotOf(key)]?.get(key);
    if (value !== undefined && this.expires.size !== 0 && this.expireIfNeeded(key)) value = undefined;
    if (value === undefined) this.stats.misses++;
    else this.stats.hits++;
    return value;
  }

  /** The stored value even if logically expired; no statistics, no access, no expiry (MEMORY USAGE). */
  peek(key: string): Value | undefined {
    return this.slots[this.slotOf(key)]?.get(key);
  }

  /** Whether `key` is stored but its TTL has passed, without deleting it (KEYS skips such keys). */
  isExpired(key: string): boolean {
    if (this.expires.size === 0) return false;
    const at = this.expires.get(key);
    return at !== undefined && at <= this.now();
  }

  has(key: string): boolean {
    return this.lookupWrite(key) !== undefined;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Sets `key` to `value`, replacing any previous value. The TTL is removed unless `keepTtl`
   * (SET semantics, KEEPTTL).
   */
  set(key: string, value: Value, keepTtl = false): void {
    const slot = this.slotOf(key);
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeChange(slot);
    this.dirty++;
    let map = this.slots[slot];
    if (map === undefined) map = this.slots[slot] = new Map();
    const previous = map.get(key);
    if (previous === undefined) {
      this.keyCount++;
      this.usedBytes += KEY_OVERHEAD_BYTES + key.length;
      if (this.access !== null) this.access.created(key);
    } else {
      this.usedBytes -= accountedBytesOf(previous);
      if (!keepTtl && this.expires.size !== 0) this.clearExpire(key);
      // Redis's dbOverwrite keeps the LFU counter and gives LRU a fresh time.
      if (this.access !== null) this.access.touch(key);
    }
    map.set(key, value);
    this.usedBytes += account(value);
    this.observer?.keyModified(key);
  }

  /** Adds a key known to be absent (a new collection, RESTORE). Same as `set` but states intent. */
  add(key: string, value: Value): void {
    this.set(key, value);
  }

  /** Deletes `key`; returns whether it existed (an expired key counts as absent). */
  delete(key: string): boolean {
    if (this.lookupWrite(key) === undefined) return false;
    this.remove(key);
    this.dirty++;
    this.observer?.keyModified(key);
    return true;
  }

  /**
   * Must be called after a command changed a collection in place (LPUSH on an existing list...):
   * updates the memory account and signals WATCH and blocked clients.
   */
  modified(key: string, value: CollectionValue): void {
    this.usedBytes += value.bytes - value.accountedBytes;
    value.accountedBytes = value.bytes;
    this.dirty++;
    this.observer?.keyModified(key);
  }

  /**
   * RENAME: moves the value, TTL and access data of `from` (which must exist) to `to`, replacing whatever
   * `to` held. Signals both keys.
   */
  rename(from: string, to: string): void {
    const value = this.slots[this.slotOf(from)]?.get(from);
    if (value === undefined) return;
    const at = this.expires.size === 0 ? undefined : this.expires.get(from);
    const exact = this.exactExpires.size === 0 ? undefined : this.exactExpires.get(from);
    const access = this.access;
    this.access = null; // the entry moves below instead of being dropped and re-created
    this.remove(from);
    this.remove(to);
    this.set(to, value);
    this.access = access;
    access?.moved(from, to);
    if (at !== undefined) this.expires.set(to, at);
    if (exact !== undefined) this.exactExpires.set(to, exact);
    this.observer?.keyModified(from);
  }

  /** Signals a change to a key whose value did not move (e.g. SETRANGE on a Buffer in place). */
  touched(key: string): void {
    this.dirty++;
    this.observer?.keyModified(key);
  }

  // ---------------------------------------------------------------- expiry

  /** Absolute expiry time in ms since the epoch, or undefined when the key has no TTL. */
  getExpire(key: string): number | undefined {
    return this.expires.size === 0 ? undefined : this.expires.get(key);
  }

  /**
   * The expiry exactly as set: a bigint when it is beyond 2^53 ms (see `exactExpires`), else the number.
   * Compare freely with numbers (`<`, `>` mix bigint and number exactly).
   */
  getExpireExact(key: string): number | bigint | undefined {
    if (this.exactExpires.size !== 0) {
      const exact = this.exactExpires.get(key);
      if (exact !== undefined) return exact;
    }
    return this.getExpire(key);
  }

  /**
   * Sets the absolute expiry of an existing key. A time in the past deletes the key at the next access.
   * `exact` is the true value when `atMs` is a rounded int64 beyond 2^53.
   */
  setExpire(key: string, atMs: number, exact?: bigint): void {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeChange(this.slotOf(key));
    this.dirty++;
    this.expires.set(key, atMs);
    if (exact !== undefined && !Number.isSafeInteger(atMs)) this.exactExpires.set(key, exact);
    else if (this.exactExpires.size !== 0) this.exactExpires.delete(key);
    this.observer?.keyModified(key);
  }

  /** Removes the TTL; returns whether there was one. */
  persist(key: string): boolean {
    if (this.snapshotGuard !== null && this.expires.has(key))
      this.snapshotGuard.beforeChange(this.slotOf(key));
    const had = this.clearExpire(key);
    if (had) {
      this.dirty++;
      this.observer?.keyModified(key);
    }
    return had;
  }

  /**
   * Deletes `key` if its TTL has passed. Returns true when the key is logically expired
   * (on a replica it stays stored until the master deletes it).
   */
  expireIfNeeded(key: string): boolean {
    const at = this.expires.get(key);
    if (at === undefined || at > this.now()) return false;
    if (!this.deleteExpired) return !this.applyingMasterStream;
    this.remove(key);
    this.stats.expiredKeys++;
    this.observer?.keyModified(key);
    this.deletionFeed?.(key);
    return true;
  }

  /**
   * Active expiry: visits up to `budget` keys with a TTL, continuing where the previous cycle stopped,
   * and deletes the expired ones so their memory is reclaimed without access. Returns how many expired.
   * Redis samples randomly (activeExpireCycle); a persistent Map iterator visits every volatile key once
   * per round instead, which bounds how long an expired key can linger.
   */
  activeExpireCycle(budget: number): number {
    if (this.expires.size === 0 || !this.deleteExpired) return 0;
    const now = this.now();
    let expired = 0;
    for (let visited = 0; visited < budget; visited++) {
      this.expireCursor ??= this.expires.entries();
      const next = this.expireCursor.next();
      if (next.done) {
        this.expireCursor = null;
        break;
      }
      const [key, at] = next.value;
      if (at <= now) {
        this.remove(key);
        this.stats.expiredKeys++;
        this.observer?.keyModified(key);
        this.deletionFeed?.(key);
        expired++;
      }
    }
    return expired;
  }

  // ---------------------------------------------------------------- slots and iteration

  countInSlot(slot: number): number {
    return this.slots[slot]?.size ?? 0;
  }

  /** Up to `count` keys of `slot`, in insertion order. */
  keysInSlot(slot: number, count: number): string[] {
    const keys: string[] = [];
    const map = this.slots[slot];
    if (map === undefined || count <= 0) return keys;
    for (const key of map.keys()) {
      keys.push(key);
      if (keys.length >= count) break;
    }
    return keys;
  }

  /** Every key, slot by slot (KEYS). Expired keys that were not reclaimed yet are included; filter with `has`. */
  *allKeys(): IterableIterator<string> {
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const map = this.slots[slot];
      if (map !== undefined && map.size !== 0) yield* map.keys();
    }
  }

  /**
   * One SCAN step. The cursor is the next slot to visit; each slot is returned whole, so a key present for
   * the whole scan is returned at least once whatever is added or deleted meanwhile (SCAN's guarantee).
   * Visits slots until at least `count` keys were collected or the keyspace ends.
   */
  scan(cursor: number, count: number): ScanPage {
    const keys: string[] = [];
    let slot = cursor;
    while (slot < SLOT_COUNT && keys.length < count) {
      const map = this.slots[slot++];
      if (map === undefined || map.size === 0) continue;
      for (const key of map.keys()) keys.push(key);
    }
    return { cursor: slot >= SLOT_COUNT ? 0 : slot, keys };
  }

  /** A random key, or undefined when empty (RANDOMKEY, eviction sampling). */
  randomKey(): string | undefined {
    if (this.keyCount === 0) return undefined;
    const start = Math.floor(Math.random() * SLOT_COUNT);
    for (let i = 0; i < SLOT_COUNT; i++) {
      const map = this.slots[(start + i) % SLOT_COUNT];
      if (map === undefined || map.size === 0) continue;
      let skip = Math.floor(Math.random() * map.size);
      for (const key of map.keys()) if (skip-- === 0) return key;
    }
    return undefined;
  }

  /**
   * Fills `out` with up to `count` distinct keys that have a TTL (volatile-* eviction). When there are at
   * most `count`, all of them; otherwise consecutive keys from a cursor that keeps going round the expiry
   * table, after a random skip, so successive samples cover every volatile key (a Map cannot be indexed
   * at random; Redis samples its hash table buckets instead).
   */
  sampleVolatileKeys(count: number, out: string[]): void {
    out.length = 0;
    const size = this.expires.size;
    if (size === 0 || count <= 0) return;
    if (size <= count) {
      for (const key of this.expires.keys()) out.push(key);
      return;
    }
    let skip = Math.floor(Math.random() * Math.min(size - count, 16));
    while (out.length < count) {
      this.volatileCursor ??= this.expires.keys();
      const next = this.volatileCursor.next();
      if (next.done) {
        this.volatileCursor = null;
        continue;
      }
      if (skip > 0) skip--;
      else out.push(next.value);
    }
  }

  // ---------------------------------------------------------------- access tracking (LRU/LFU)

  /** What per-key access data is kept (see access-clock.ts). */
  get accessMode(): AccessMode {
    return this.access?.mode ?? AccessMode.off;
  }

  /** The access clock, or null while off. */
  get accessClock(): AccessClock | null {
    return this.access;
  }

  /**
   * Starts, switches or stops access tracking. Switching between LRU and LFU starts afresh (Redis: "LRU
   * and LFU data will take some time to adjust"); `random` feeds LFU's probabilistic increments.
   */
  setAccessMode(mode: AccessMode, random?: () => number): void {
    if (mode === this.accessMode) return;
    this.access = mode === AccessMode.off ? null : new AccessClock(mode, this.now, random);
  }

  /** Deletes every key (FLUSHALL/FLUSHDB). Returns how many were removed. */
  flush(): number {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeFlush();
    this.dirty++;
    const removed = this.keyCount;
    this.slots.fill(undefined);
    this.expires.clear();
    this.exactExpires.clear();
    this.access?.clear();
    this.expireCursor = null;
    this.volatileCursor = null;
    this.keyCount = 0;
    this.usedBytes = 0;
    this.observer?.keyspaceFlushed();
    return removed;
  }

  /** Deletes every key of `slot` (cluster: a slot given away without its keys). Returns how many. */
  flushSlot(slot: number): number {
    const map = this.slots[slot];
    if (map === undefined) return 0;
    const keys = [...map.keys()];
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  /** Evicts `key` (maxmemory): a delete counted as an eviction. */
  evict(key: string): boolean {
    if (this.lookupWrite(key) === undefined) return false;
    this.remove(key);
    this.stats.evictedKeys++;
    this.observer?.keyModified(key);
    this.deletionFeed?.(key);
    return true;
  }

  /**
   * Replaces the whole content by `loaded`'s (a replica's full sync, loaded into a database of its own so the
   * old data stays served until the new one is complete). `loaded` must not be used afterwards. Access data
   * starts afresh; WATCHers see every key as changed.
   */
  replaceWith(loaded: Database): void {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeFlush();
    this.slots = loaded.slots;
    this.expires = loaded.expires;
    this.exactExpires = loaded.exactExpires;
    this.keyCount = loaded.keyCount;
    this.usedBytes = loaded.usedBytes;
    loaded.slots = new Array<Map<string, Value> | undefined>(SLOT_COUNT);
    loaded.expires = new Map();
    loaded.exactExpires = new Map();
    loaded.keyCount = 0;
    loaded.usedBytes = 0;
    this.access?.clear();
    this.expireCursor = null;
    this.volatileCursor = null;
    this.lastKey = null;
    this.dirty++;
    this.observer?.keyspaceFlushed();
  }

  /** The keys and values of `slot`, in insertion order (a full sync's snapshot copies slots whole). */
  slotEntries(slot: number): IterableIterator<[string, Value]> | null {
    const map = this.slots[slot];
    return map === undefined || map.size === 0 ? null : map.entries();
  }

  private slotOf(key: string): number {
    if (key === this.lastKey) return this.lastSlot;
    const slot = keySlot(key);
    this.lastKey = key;
    this.lastSlot = slot;
    return slot;
  }

  private remove(key: string): void {
    const slot = this.slotOf(key);
    const map = this.slots[slot];
    const value = map?.get(key);
    if (map === undefined || value === undefined) return;
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeChange(slot);
    map.delete(key);
    if (this.expires.size !== 0) this.clearExpire(key);
    if (this.access !== null) this.access.removed(key);
    this.keyCount--;
    this.usedBytes -= KEY_OVERHEAD_BYTES + key.length + accountedBytesOf(value);
  }

  private clearExpire(key: string): boolean {
    if (this.exactExpires.size !== 0) this.exactExpires.delete(key);
    return this.expires.delete(key);
  }
}

function account(value: Value): number {
  if (!isCollection(value)) return valueBytes(value);
  value.accountedBytes = value.bytes;
  return value.bytes;
}

function accountedBytesOf(value: Value): number {
  return isCollection(value) ? value.accountedBytes : valueBytes(value);
}
