// SSCAN over a hashtable set: a full iteration returns every member, and whatever is added, removed or popped
// between calls, no member present for the whole scan is missed (SCAN's guarantee).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../../testing/command-harness.js';

function scanAll(h: CommandHarness, count: number, between: () => void = () => undefined): string[] {
  const seen: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    if (calls++ > 0) between();
    const [next, members] = h.run('SSCAN', 's', cursor, 'COUNT', String(count)) as [string, string[]];
    seen.push(...members);
    cursor = next;
    expect(calls).toBeLessThan(10_000);
  } while (cursor !== '0');
  return seen;
}

describe('SSCAN', () => {
  it('pages a hashtable set by COUNT and returns each member once when nothing changes', () => {
    for (const count of [1, 10, 33, 5000]) {
      const h = new CommandHarness();
      h.run('SADD', 's', ...Array.from({ length: 700 }, (_, i) => `m${i}`));
      const seen = scanAll(h, count);
      expect(seen).toHaveLength(700);
      expect(new Set(seen).size).toBe(700);
    }
  });

  it('filters with MATCH after choosing the page, like Redis', () => {
    const h = new CommandHarness();
    h.run('SADD', 's', ...Array.from({ length: 100 }, (_, i) => `m${i}`), 'other');
    const matched = new Set<string>();
    let cursor = '0';
    do {
      const [next, members] = h.run('SSCAN', 's', cursor, 'MATCH', 'm?', 'COUNT', '7') as [string, string[]];
      for (const m of members) matched.add(m);
      expect(members.length).toBeLessThanOrEqual(7);
      cursor = next;
    } while (cursor !== '0');
    expect(matched).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `m${i}`)));
  });

  it('never misses a member present for the whole scan, whatever changes between calls', () => {
    const change = fc.record({
      adds: fc.array(fc.nat({ max: 1500 }), { maxLength: 15 }),
      removes: fc.array(fc.nat({ max: 1500 }), { maxLength: 15 }),
      pops: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(change, { minLength: 1, maxLength: 30 }),
        (size, count, changes) => {
          const h = new CommandHarness();
          h.run('SADD', 's', 'not-an-integer', ...Array.from({ length: size }, (_, i) => `m${i}`));
          const initial = new Set(Array.from({ length: size }, (_, i) => `m${i}`));
          const gone = new Set<string>();
          let step = 0;
          const seen = new Set(
            scanAll(h, count, () => {
              const next = changes[step++ % changes.length] as (typeof changes)[number];
              for (const n of next.adds) h.run('SADD', 's', `m${n}`);
              for (const n of next.removes) {
                h.run('SREM', 's', `m${n}`);
                gone.add(`m${n}`);
              }
              if (next.pops > 0)
                for (const m of h.run('SPOP', 's', String(next.pops)) as string[]) gone.add(m);
            }),
          );
          for (const m of initial) if (!gone.has(m)) expect(seen.has(m)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
