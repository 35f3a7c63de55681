// Reconnect delay: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
// Jitter", 2015): a uniform draw in [0, min(cap, base * 2^(attempt-1))). Spreads reconnect storms after a
// node restart. Pure: the random source is injected.

/**
 * Delay before reconnect attempt `failures + 1`, after `failures` consecutive failed attempts: 0 for the
 * first attempt, then a random value below `min(capMs, baseMs * 2^(failures-1))`.
 */
export function fullJitterDelayMs(
  failures: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}
