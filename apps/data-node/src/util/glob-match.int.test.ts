// globMatch selects exactly what redis-server 7.0's KEYS selects, for generated keys and patterns drawn
// from the bytes that matter to the matcher (`*?[]^-\`, letters of both cases, bytes >= 0x80, NUL) and for
// the hostile and deeply nested patterns of CVE-2022-36021. One key per probe, so each KEYS reply is
// either that key or nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useRedisOracle } from '../testing/redis-oracle.js';
import { globMatch } from './glob-match.js';

const redis = useRedisOracle();

/** What KEYS answers for each [pattern, key], one key in the database at a time. */
async function redisMatches(cases: readonly (readonly [string, string])[]): Promise<boolean[]> {
  const pipeline = redis().pipeline();
  for (const [pattern, key] of cases) {
    pipeline.flushall();
    pipeline.set(Buffer.from(key, 'latin1'), 'v');
    pipeline.callBuffer('KEYS', Buffer.from(pattern, 'latin1'));
  }
  const results = (await pipeline.exec()) ?? [];
  return cases.map((_, i) => ((results[i * 3 + 2]?.[1] as Buffer[]) ?? []).length === 1);
}

/** KEYS's own shortcut: a bare `*` matches every key, the empty one included. */
const keysMatch = (pattern: string, key: string) => pattern === '*' || globMatch(pattern, key);

const patternByte = fc.constantFrom(...'*?[]^-\\aAbBz09', '\u0000', '\u0080', '\u00e0', '\u00ff');
const keyByte = fc.constantFrom(...'aAbBz09]-^\\*?[', '\u0000', '\u0080', '\u00e0', '\u00ff');
const text = (bytes: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(bytes, { maxLength }).map((chars) => chars.join(''));

describe('globMatch against redis-server KEYS', () => {
  it('agrees on generated patterns and keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text(patternByte, 8), text(keyByte, 6)), { minLength: 100, maxLength: 100 }),
        async (cases) => {
          const theirs = await redisMatches(cases);
          const ours = cases.map(([pattern, key]) => keysMatch(pattern, key));
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees on keys built to match a pattern, then mutated', async () => {
    const matchingKey = (pattern: string) =>
      pattern
        .replace(/\*/g, 'xy')
        .replace(/\?/g, 'q')
        .replace(/\[([^\]]*)\]/g, (_, cls: string) => cls[0] ?? 'z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(text(patternByte, 10), { minLength: 100, maxLength: 100 }),
        async (patterns) => {
          const cases = patterns.map((p) => [p, matchingKey(p)] as const);
          const theirs = await redisMatches(cases);
          expect(cases.map(([pattern, key]) => keysMatch(pattern, key))).toEqual(theirs);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('agrees on hostile and deeply nested patterns', async () => {
    const long = 'a'.repeat(1100);
    const cases: [string, string][] = [
      ['*a'.repeat(1000), long],
      ['*a'.repeat(1001), long],
      ['*' + '?*'.repeat(1000), long],
      ['*' + '?*'.repeat(1001), long],
      ['a*'.repeat(1001), long],
      ['*a]'.repeat(300), 'a]'.repeat(400)],
      ['*a'.repeat(100) + 'b', long],
      ['**', ''],
      ['*', ''],
      ['', ''],
      ['?', ''],
    ];
    const theirs = await redisMatches(cases);
    expect(cases.map(([pattern, key]) => keysMatch(pattern, key))).toEqual(theirs);
  });
});
