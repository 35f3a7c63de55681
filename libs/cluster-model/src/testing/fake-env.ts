// Test support: a fake clock that only moves when told, and a seeded random source (mulberry32), so every
// transition test is deterministic and replayable. Not built, not published.
import type { Clock, ModelEnv, RandomSource } from '../lib/model/env.js';

export class FakeClock implements Clock {
  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export class SeededRandom implements RandomSource {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

/** A fake clock and a seeded random source. */
export function fakeEnv(seed = 1, start?: number): ModelEnv & { clock: FakeClock } {
  return { clock: new FakeClock(start), random: new SeededRandom(seed) };
}
