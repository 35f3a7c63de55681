import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';

describe('LatencyHistogram', () => {
  it('answers 0 for every percentile when empty', () => {
    const histogram = new LatencyHistogram();
    expect(histogram.percentile(50)).toBe(0);
    expect(histogram.cumulativeDistribution()).toEqual([]);
  });

  it('keeps exact values below 32 ns and any value within 6.25% above', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 4_000_000, noNaN: true }), (usec) => {
        const histogram = new LatencyHistogram();
        histogram.record(usec);
        const reported = histogram.percentile(50);
        const ns = Math.floor(usec * 1000);
        expect(reported * 1000).toBeGreaterThanOrEqual(ns);
        expect(reported * 1000).toBeLessThanOrEqual(ns < 32 ? ns : ns * 1.0625 + 1);
      }),
    );
  });

  it('puts percentiles at the right rank', () => {
    const histogram = new LatencyHistogram();
    for (let i = 0; i < 99; i++) histogram.record(10);
    histogram.record(1000);
    expect(histogram.percentile(50)).toBeLessThan(11);
    expect(histogram.percentile(99)).toBeLessThan(11);
    expect(histogram.percentile(99.9)).toBeGreaterThanOrEqual(1000);
    expect(histogram.percentile(100)).toBeGreaterThanOrEqual(1000);
  });

  it('caps values of 4.3 s and more in the last bucket', () => {
    const histogram = new LatencyHistogram();
    histogram.record(10_000_000);
    expect(histogram.percentile(50)).toBeGreaterThanOrEqual(4_294_967);
    expect(histogram.total).toBe(1);
  });

  it('builds a cumulative distribution over doubling buckets that ends at the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100_000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const histogram = new LatencyHistogram();
          for (const v of values) histogram.record(v);
          const cdf = histogram.cumulativeDistribution();
          expect(cdf.at(-1)?.[1]).toBe(values.length);
          for (let i = 1; i < cdf.length; i++) {
            expect(cdf[i]?.[0]).toBeGreaterThan(cdf[i - 1]?.[0] as number);
            expect(cdf[i]?.[1]).toBeGreaterThan(cdf[i - 1]?.[1] as number);
          }
          for (const [bound, count] of cdf) {
            expect(count).toBeLessThanOrEqual(
              values.filter((v) => Math.floor(v * 1000) <= bound * 1000 + 1000).length,
            );
          }
        },
      ),
    );
  });

  it('forgets everything on reset', () => {
    const histogram = new LatencyHistogram();
    histogram.record(5);
    histogram.reset();
    expect(histogram.total).toBe(0);
    expect(histogram.percentile(99)).toBe(0);
  });
});
