import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lcs, lcsLength } from './lcs-table.js';

/** True when `sub` can be obtained from `text` by deleting bytes. */
function isSubsequence(sub: Uint8Array, text: Uint8Array): boolean {
  let i = 0;
  for (const byte of text) if (i < sub.length && sub[i] === byte) i++;
  return i === sub.length;
}

const dna = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes.map((b) => 65 + (b % 4))));

describe('longest common subsequence', () => {
  test.prop([dna, dna])('the subsequence is common to both strings and as long as reported', (a, b) => {
    const result = lcs(a, b, 0);
    expect(result.sequence.length).toBe(result.length);
    expect(lcsLength(a, b)).toBe(result.length);
    expect(isSubsequence(result.sequence, a)).toBe(true);
    expect(isSubsequence(result.sequence, b)).toBe(true);
  });

  test.prop([dna, dna])(
    'no longer common subsequence exists (checked by brute force on short strings)',
    (a, b) => {
      const short = a.subarray(0, 10);
      let best = 0;
      for (let mask = 0; mask < 1 << short.length; mask++) {
        const picked = Buffer.from([...short].filter((_, i) => (mask >> i) & 1));
        if (picked.length > best && isSubsequence(picked, b)) best = picked.length;
      }
      expect(lcsLength(short, b)).toBe(best);
    },
  );

  test.prop([dna, dna, fc.nat({ max: 5 })])(
    'matches are equal runs, in descending order, covering the subsequence when none is filtered',
    (a, b, minMatchLength) => {
      const all = lcs(a, b, 0);
      const covered = all.matches.reduce((sum, match) => sum + match.length, 0);
      expect(covered).toBe(all.length);
      const filtered = lcs(a, b, minMatchLength);
      for (const match of filtered.matches) {
        expect(Buffer.from(a.subarray(match.aStart, match.aEnd + 1))).toEqual(
          Buffer.from(b.subarray(match.bStart, match.bEnd + 1)),
        );
        expect(match.length).toBeGreaterThanOrEqual(minMatchLength);
      }
      for (let i = 1; i < all.matches.length; i++) {
        expect((all.matches[i] as { aEnd: number }).aEnd).toBeLessThan(
          (all.matches[i - 1] as { aStart: number }).aStart,
        );
      }
    },
  );
});
