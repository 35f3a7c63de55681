// What the model needs from the outside world, injected so that every transition is a pure function of its
// arguments: the time (a clock) and randomness (for node ids, shard ids and gossip sampling).
// Tests pass a fake clock and a seeded source; the gossip-agent passes the monotonic-backed wall clock and
// crypto randomness. Nothing here reads Date.now() or Math.random().

/** Milliseconds since the Unix epoch, as Redis's `mstime()`. */
export interface Clock {
  now(): number;
}

/** Uniform random 32-bit unsigned integers. */
export interface RandomSource {
  uint32(): number;
}

/** The collaborators every transition receives. */
export interface ModelEnv {
  readonly clock: Clock;
  readonly random: RandomSource;
}

/** A uniform integer in `0..bound-1` drawn from `random` (`bound` at most 2^32). */
export function randomBelow(random: RandomSource, bound: number): number {
  return Math.floor((random.uint32() / 0x1_0000_0000) * bound);
}
