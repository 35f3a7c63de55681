// Remembers the nonces of accepted cluster-bus proofs for as long as their timestamp could still be
// accepted, so a captured request cannot be sent again within the clock-skew window (bus-auth.ts).
// Memory is bounded: past `maxEntries` live nonces it refuses new ones ("full") rather than forget
// one early, since forgetting would re-open a replay. Only proofs whose MAC checked out reach it, so
// a stranger cannot fill it. No I/O; the caller passes the clock.

/** What `ReplayGuard.remember` found. */
export const REPLAY_VERDICTS = {
  /** First time seen within its lifetime: accept. */
  fresh: 'fresh',
  /** Seen before and still within its lifetime: refuse (a replay). */
  replayed: 'replayed',
  /** Too many live nonces to remember one more: refuse (fail closed). */
  full: 'full',
} as const;

export type ReplayVerdict = (typeof REPLAY_VERDICTS)[keyof typeof REPLAY_VERDICTS];

export interface ReplayGuardOptions {
  /**
   * How long a nonce is remembered after it is first seen, in ms. Must cover every instant at which
   * its proof's timestamp is still accepted: twice the allowed clock skew.
   * @default 60000
   */
  lifetimeMs?: number;
  /**
   * Most nonces remembered at once. At 200,000 and the default lifetime this serves about 3,300
   * authenticated calls per second per server (about 20 MB).
   * @default 200000
   */
  maxEntries?: number;
}

/** A bounded set of recently seen nonces, each forgotten `lifetimeMs` after it was first seen. */
export class ReplayGuard {
  readonly lifetimeMs: number;
  readonly maxEntries: number;
  // nonce -> when it may be forgotten (ms). Map iteration follows insertion, hence expiry order
  // as long as the clock does not go back; a clock step back only keeps entries longer.
  readonly #expiries = new Map<string, number>();

  constructor(options: ReplayGuardOptions = {}) {
    this.lifetimeMs = options.lifetimeMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 200_000;
  }

  /** Number of nonces currently remembered. */
  get size(): number {
    return this.#expiries.size;
  }

  /** Records `nonce` as seen at `nowMs` unless it is a replay or the guard is full. */
  remember(nonce: string, nowMs: number): ReplayVerdict {
    this.#forgetExpired(nowMs);
    const expiry = this.#expiries.get(nonce);
    if (expiry !== undefined) return REPLAY_VERDICTS.replayed;
    if (this.#expiries.size >= this.maxEntries) return REPLAY_VERDICTS.full;
    this.#expiries.set(nonce, nowMs + this.lifetimeMs);
    return REPLAY_VERDICTS.fresh;
  }

  #forgetExpired(nowMs: number): void {
    for (const [nonce, expiry] of this.#expiries) {
      if (expiry > nowMs) return;
      this.#expiries.delete(nonce);
    }
  }
}
