// Per-command latency distribution behind INFO latencystats and LATENCY HISTOGRAM: a log-linear histogram
// of nanoseconds (exact below 32 ns, then 16 buckets per power of two, so any value is known within 6.25%,
// close to Redis's 2-significant-digit hdr_histogram). Recording is a few integer operations on a
// preallocated Float64Array: no allocation per command. No I/O.

/** Linear buckets hold 0..31 ns exactly. */
const LINEAR = 32;
/** Sub-buckets per power of two above the linear range (4 bits). */
const SUB_BITS = 4;
const SUB = 1 << SUB_BITS;
/** Values at or above 2^32 ns (4.3 s) share the last bucket. */
const MAX_EXPONENT = 31;
const BUCKETS = LINEAR + (MAX_EXPONENT - SUB_BITS) * SUB;

/** Bucket index of a value in ns (a non-negative integer). */
function bucketOf(ns: number): number {
  if (ns < LINEAR) return ns;
  if (ns >= 2 ** 32) return BUCKETS - 1;
  const exponent = 31 - Math.clz32(ns); // >= 5
  const shift = exponent - SUB_BITS;
  return LINEAR + (exponent - SUB_BITS - 1) * SUB + ((ns >>> shift) - SUB);
}

/** Highest value (ns) that falls in bucket `index`: what percentiles report, like hdr's highest equivalent. */
function bucketHighest(index: number): number {
  if (index < LINEAR) return index;
  const group = Math.floor((index - LINEAR) / SUB);
  const shift = group + 1;
  const sub = ((index - LINEAR) % SUB) + SUB;
  return (sub + 1) * 2 ** shift - 1;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  /** Samples recorded. */
  total = 0;

  /** Records one duration in microseconds. */
  record(usec: number): void {
    const ns = usec <= 0 ? 0 : Math.floor(usec * 1000);
    this.counts[bucketOf(ns)]++;
    this.total++;
  }

  /** The value in microseconds below which `percentile` % of the samples fall (0 when empty). */
  percentile(percentile: number): number {
    if (this.total === 0) return 0;
    const target = Math.max(1, Math.ceil((percentile / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] as number;
      if (seen >= target) return bucketHighest(i) / 1000;
    }
    return bucketHighest(BUCKETS - 1) / 1000;
  }

  /**
   * LATENCY HISTOGRAM's cumulative distribution, as Redis iterates its hdr histogram (log buckets of
   * 1024 ns doubling): [bucket bound in usec, samples at or below it], only where the count grew.
   */
  cumulativeDistribution(): [number, number][] {
    const result: [number, number][] = [];
    let seen = 0;
    let index = 0;
    for (let boundNs = 1024; seen < this.total; boundNs *= 2) {
      const before = seen;
      while (index < BUCKETS && bucketHighest(index) < boundNs) seen += this.counts[index++] as number;
      if (index >= BUCKETS) seen = this.total;
      if (seen > before) result.push([Math.floor(boundNs / 1000), seen]);
    }
    return result;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}
