// Per-key access recency (LRU) or frequency (LFU), kept only while something needs it: an LRU/LFU
// maxmemory-policy, or OBJECT IDLETIME asking once. While off, the Database keeps no per-key access data at
// all (a string key stays one Map entry), so the common case pays a single null check per lookup.
//
// LRU: one Map<key, last access ms> whose insertion order is the access order (a touch deletes and
// re-inserts), so the least recently used key is the Map's first entry: exact LRU in O(1), where Redis
// approximates with sampling and an eviction pool. LFU: the same Map holds Redis's logarithmic counter
// (redis src/evict.c LFULogIncr/LFUDecrAndReturn) packed with its last-decrement minute as
// `minutes * 256 + counter`, with the defaults lfu-log-factor 10 and lfu-decay-time 1.
// Keys stored before tracking started have no entry: they count as idle since `startedAt` and, for LFU,
// as a new key (LFU_INIT_VAL). No I/O.

/** What the access clock tracks. */
export const AccessMode = {
  /** Nothing tracked. */
  off: 'off',
  /** Last access time (allkeys-lru, volatile-lru, OBJECT IDLETIME). */
  lru: 'lru',
  /** Logarithmic access frequency (allkeys-lfu, volatile-lfu, OBJECT FREQ). */
  lfu: 'lfu',
} as const;
export type AccessMode = (typeof AccessMode)[keyof typeof AccessMode];

/** The counter of a new key (redis src/server.h LFU_INIT_VAL). */
export const LFU_INIT_VAL = 5;
const LFU_MAX = 255;
const LFU_LOG_FACTOR = 10;
const LFU_DECAY_MINUTES = 1;
const MINUTE_MS = 60_000;

/** The access mode a maxmemory-policy needs (`noeviction` and the random/ttl policies need none). */
export function accessModeFor(policy: string): AccessMode {
  if (policy.endsWith('-lfu')) return AccessMode.lfu;
  if (policy.endsWith('-lru')) return AccessMode.lru;
  return AccessMode.off;
}

export class AccessClock {
  private readonly entries = new Map<string, number>();
  /** When tracking began: keys without an entry were last accessed before it. */
  readonly startedAt: number;

  constructor(
    readonly mode: Exclude<AccessMode, 'off'>,
    private readonly now: () => number,
    /** Uniform random in [0, 1), injectable so LFU increments are testable. */
    private readonly random: () => number = Math.random,
  ) {
    this.startedAt = now();
  }

  /** Number of keys with an entry. */
  get size(): number {
    return this.entries.size;
  }

  /** A key was read or written. */
  touch(key: string): void {
    const entries = this.entries;
    if (this.mode === AccessMode.lru) {
      entries.delete(key);
      entries.set(key, this.now());
      return;
    }
    const counter = this.logIncrement(this.frequency(key));
    entries.set(key, Math.floor(this.now() / MINUTE_MS) * 256 + counter);
  }

  /** A new value was stored under `key` (a new object in Redis: fresh LRU time, LFU_INIT_VAL). */
  created(key: string): void {
    if (this.mode === AccessMode.lru) this.touch(key);
    else this.entries.set(key, Math.floor(this.now() / MINUTE_MS) * 256 + LFU_INIT_VAL);
  }

  removed(key: string): void {
    this.entries.delete(key);
  }

  /** Moves the entry of `from` to `to` (RENAME keeps the object and its access data). */
  moved(from: string, to: string): void {
    const entry = this.entries.get(from);
    this.entries.delete(to);
    if (entry === undefined) return;
    this.entries.delete(from);
    this.entries.set(to, entry);
  }

  clear(): void {
    this.entries.clear();
  }

  /** LRU: milliseconds since the last access. */
  idleMs(key: string): number {
    return Math.max(0, this.now() - (this.entries.get(key) ?? this.startedAt));
  }

  /** LFU: the counter after time decay (OBJECT FREQ). */
  frequency(key: string): number {
    const entry = this.entries.get(key);
    if (entry === undefined) return LFU_INIT_VAL;
    const counter = entry % 256;
    const elapsed = Math.floor(this.now() / MINUTE_MS) - Math.floor(entry / 256);
    const periods = Math.max(0, Math.floor(elapsed / LFU_DECAY_MINUTES));
    return periods > counter ? 0 : counter - periods;
  }

  /** RESTORE IDLETIME (LRU) or FREQ (LFU): sets what the payload's sender knew about the key. */
  restore(key: string, idleMs: number | null, frequency: number | null): void {
    if (this.mode === AccessMode.lru && idleMs !== null) {
      this.entries.delete(key);
      this.entries.set(key, this.now() - idleMs);
    } else if (this.mode === AccessMode.lfu && frequency !== null) {
      this.entries.set(key, Math.floor(this.now() / MINUTE_MS) * 256 + frequency);
    }
  }

  /**
   * Eviction rank, lower = evicted first: LRU the last access time, LFU the decayed counter.
   * Keys without an entry rank lowest in LRU (untouched since tracking began).
   */
  rank(key: string): number {
    if (this.mode === AccessMode.lfu) return this.frequency(key);
    return this.entries.get(key) ?? this.startedAt - 1;
  }

  /** Whether `key` has an entry. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** LRU: the least recently used tracked key (the Map's first entry). */
  oldest(): string | undefined {
    for (const key of this.entries.keys()) return key;
    return undefined;
  }

  /** Redis's LFULogIncr: the higher the counter, the less likely an access increments it. */
  private logIncrement(counter: number): number {
    if (counter >= LFU_MAX) return LFU_MAX;
    const base = Math.max(0, counter - LFU_INIT_VAL);
    return this.random() < 1 / (base * LFU_LOG_FACTOR + 1) ? counter + 1 : counter;
  }
}
