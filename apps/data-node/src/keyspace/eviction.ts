// The maxmemory guard (redis src/evict.c performEvictions): before a command that may grow memory, when the
// keyspace estimate (`Database.usedBytes`) is over `maxmemory`, evicts keys chosen by `maxmemory-policy`
// until it is under, or refuses the command with OOM when nothing (more) can be evicted; `noeviction`
// always refuses. The dispatcher calls `admit` (the `MemoryGuard` port); the fast path is two comparisons.
//
// Choosing victims:
// - allkeys-random / volatile-random: Database.randomKey / one key of its rolling volatile-key sampler.
// - volatile-ttl: the nearest expiry among `maxmemory-samples` volatile keys, as Redis samples.
// - allkeys-lru: exact LRU. Recency lives in an AccessClock (access-clock.ts) that exists only while an
//   LRU/LFU policy is selected: one Map<key, last access> kept in access order by delete + re-insert on
//   each lookup, so the least recently used key is the Map's first entry, found in O(1) without Redis's
//   sampling and eviction pool. Keys stored before the policy was selected have no entry and are the
//   oldest of all: sampled keys without an entry go first.
// - volatile-lru: the least recent among sampled volatile keys (a Map cannot be walked by TTL cheaply).
// - allkeys-lfu / volatile-lfu: Redis's logarithmic counters with time decay (same clock, LFU mode); the
//   lowest counter among sampled keys goes. With few keys the sample is all of them, so it is exact.
// No I/O; the configuration is read once and on change, never per command.
import type { ConfigStore } from '../config/config-store.js';
import type { MemoryGuard } from '../commands/dispatcher.js';
import { AccessMode, accessModeFor, type AccessClock } from './access-clock.js';
import type { Database } from './database.js';

/** maxmemory-policy values (redis.conf). */
export const EvictionPolicy = {
  noeviction: 'noeviction',
  allkeysLru: 'allkeys-lru',
  volatileLru: 'volatile-lru',
  allkeysLfu: 'allkeys-lfu',
  volatileLfu: 'volatile-lfu',
  allkeysRandom: 'allkeys-random',
  volatileRandom: 'volatile-random',
  volatileTtl: 'volatile-ttl',
} as const;
export type EvictionPolicy = (typeof EvictionPolicy)[keyof typeof EvictionPolicy];

export class EvictionGuard implements MemoryGuard {
  private maxmemory = 0;
  private policy: EvictionPolicy | null = null;
  private samples = 5;
  /** Reused sample buffer: no allocation per eviction. */
  private readonly sample: string[] = [];

  constructor(
    private readonly db: Database,
    config: ConfigStore,
  ) {
    this.configure(config);
    config.onChange((name) => {
      if (name.startsWith('maxmemory')) this.configure(config);
    });
  }

  /** False when the command must be refused with OOM. */
  admit(): boolean {
    return this.maxmemory === 0 || this.db.usedBytes <= this.maxmemory || this.freeMemory();
  }

  /** Evicts until under maxmemory; false when still over because nothing (more) is evictable. */
  freeMemory(): boolean {
    const db = this.db;
    if (this.policy === EvictionPolicy.noeviction) return false;
    // Every pick deletes a key (or finds it expired, which also frees it): at most one pass over them.
    for (let budget = db.size + 1; db.usedBytes > this.maxmemory; budget--) {
      const victim = budget > 0 ? this.pickVictim() : undefined;
      if (victim === undefined) return false;
      db.evict(victim);
    }
    return true;
  }

  private configure(config: ConfigStore): void {
    this.maxmemory = config.getNumber('maxmemory');
    this.samples = config.getNumber('maxmemory-samples');
    const policy = config.get('maxmemory-policy') as EvictionPolicy;
    if (policy === this.policy) return;
    this.policy = policy;
    // The access clock follows the policy (OBJECT IDLETIME may start LRU recording again on demand).
    this.db.setAccessMode(accessModeFor(policy));
  }

  private pickVictim(): string | undefined {
    const db = this.db;
    switch (this.policy) {
      case EvictionPolicy.allkeysRandom:
        return db.randomKey();
      case EvictionPolicy.volatileRandom:
        db.sampleVolatileKeys(1, this.sample);
        return this.sample[0];
      case EvictionPolicy.allkeysLru:
        return this.leastRecentlyUsed();
      case EvictionPolicy.allkeysLfu:
        this.sampleKeys();
        return this.lowest();
      case EvictionPolicy.volatileTtl:
      case EvictionPolicy.volatileLru:
      case EvictionPolicy.volatileLfu:
        db.sampleVolatileKeys(this.samples, this.sample);
        return this.lowest();
      default:
        return undefined;
    }
  }

  private leastRecentlyUsed(): string | undefined {
    const db = this.db;
    const clock = this.clock(AccessMode.lru);
    if (clock.size < db.size) {
      this.sampleKeys();
      for (const key of this.sample) if (!clock.has(key)) return key;
    }
    return clock.oldest() ?? db.randomKey();
  }

  /** Fills the sample with up to `samples` random keys: all of them when there are no more than that. */
  private sampleKeys(): void {
    const sample = this.sample;
    sample.length = 0;
    if (this.db.size <= this.samples) {
      for (const key of this.db.allKeys()) sample.push(key);
      return;
    }
    for (let i = 0; i < this.samples; i++) {
      const key = this.db.randomKey();
      if (key !== undefined && !sample.includes(key)) sample.push(key);
    }
  }

  /** The sampled key evicted first: nearest expiry (volatile-ttl), else lowest LRU/LFU rank. */
  private lowest(): string | undefined {
    const ttl = this.policy === EvictionPolicy.volatileTtl;
    const clock = ttl ? null : this.clock(accessModeFor(this.policy as EvictionPolicy));
    let best: string | undefined;
    let bestScore = Infinity;
    for (const key of this.sample) {
      const score = clock === null ? (this.db.getExpire(key) ?? Infinity) : clock.rank(key);
      if (best === undefined || score < bestScore) {
        best = key;
        bestScore = score;
      }
    }
    return best;
  }

  /** The database's access clock in `mode` (restarted if something switched it meanwhile). */
  private clock(mode: AccessMode): AccessClock {
    if (this.db.accessMode !== mode) this.db.setAccessMode(mode);
    return this.db.accessClock as AccessClock;
  }
}
