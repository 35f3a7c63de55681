// Redis's rule for a start/stop pair of positions (LRANGE, LTRIM, ZRANGE by rank, ZREMRANGEBYRANK: redis
// src/t_list.c listTypeRange / ltrimCommand, src/t_zset.c zrangeGenericCommand): both ends inclusive, a
// negative position counts from the end, and the range is clamped to the collection. Pure.

/** The positions [lo, hi) that `start`..`stop` select among `size` elements (lo >= hi: none). */
export function rankWindow(size: number, start: number, stop: number): [lo: number, hi: number] {
  return [Math.max(0, start < 0 ? size + start : start), Math.min(size, (stop < 0 ? size + stop : stop) + 1)];
}
