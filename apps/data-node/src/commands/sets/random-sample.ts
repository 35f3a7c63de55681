// Uniform random indexes for SPOP, SRANDMEMBER and HRANDFIELD. Collections keep their elements at dense
// indexes 0..n-1 (SetValue, HashValue.positionOf), so a pick is one index and never a walk over n elements.

/** A uniform random index in 0..n-1 (n > 0). */
export function randomIndex(n: number): number {
  return Math.floor(Math.random() * n);
}

/**
 * `k` distinct indexes drawn uniformly from 0..n-1 (0 < k <= n), by Robert Floyd's algorithm: O(k) time and
 * memory whatever n, where shuffling would be O(n) and rejection sampling slows down as k approaches n.
 */
export function sampleDistinct(n: number, k: number): number[] {
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = randomIndex(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen];
}
