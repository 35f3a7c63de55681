// HSCAN over a dense hash: a full iteration returns every field, and whatever is added or deleted between
// calls, no field present for the whole scan is missed (SCAN's guarantee).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHarness, type Reply } from '../../testing/command-harness.js';

/** Runs HSCAN to the end; calls `between` before each call after the first. Returns every field seen. */
function scanAll(h: CommandHarness, count: number, between: () => void = () => undefined): string[] {
  const seen: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    if (calls++ > 0) between();
    const [next, items] = h.run('HSCAN', 'h', cursor, 'COUNT', String(count)) as [string, string[]];
    for (let i = 0; i < items.length; i += 2) seen.push(items[i] as string);
    cursor = next;
    expect(calls).toBeLessThan(10_000);
  } while (cursor !== '0');
  return seen;
}

function fill(h: CommandHarness, from: number, to: number): void {
  const args: string[] = [];
  for (let i = from; i < to; i++) args.push(`f${i}`, `v${i}`);
  h.run('HSET', 'h', ...args);
}

describe('HSCAN', () => {
  it('pages a large hash by COUNT and returns each field once when nothing changes', () => {
    for (const count of [1, 7, 10, 1000]) {
      const h = new CommandHarness();
      fill(h, 0, 600);
      const seen = scanAll(h, count);
      expect(seen).toHaveLength(600);
      expect(new Set(seen).size).toBe(600);
    }
  });

  it('returns field and value pairs and filters fields with MATCH', () => {
    const h = new CommandHarness();
    fill(h, 0, 600);
    const [cursor, items] = h.run('HSCAN', 'h', '0', 'MATCH', 'f1?', 'COUNT', '600') as [string, string[]];
    expect(cursor).toBe('0');
    expect(items).toEqual(expect.arrayContaining(['f10', 'v10', 'f19', 'v19']));
    expect(items).toHaveLength(20);
  });

  it('never misses a field present for the whole scan, whatever changes between calls', () => {
    const change = fc.record({
      adds: fc.array(fc.nat({ max: 2000 }), { maxLength: 20 }),
      deletes: fc.array(fc.nat({ max: 2000 }), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: 900 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(change, { maxLength: 40 }),
        (size, count, changes) => {
          const h = new CommandHarness();
          fill(h, 0, size + 600);
          const initial = new Set(Array.from({ length: size + 600 }, (_, i) => `f${i}`));
          const removed = new Set<string>();
          let step = 0;
          const seen = new Set(
            scanAll(h, count, () => {
              const next = changes[step++ % Math.max(changes.length, 1)];
              if (next === undefined) return;
              for (const n of next.adds) h.run('HSET', 'h', `f${n}`, 'x');
              for (const n of next.deletes) {
                h.run('HDEL', 'h', `f${n}`);
                removed.add(`f${n}`);
              }
            }),
          );
          for (const field of initial) if (!removed.has(field)) expect(seen.has(field)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accepts a cursor beyond the end after the hash shrank and still finishes', () => {
    const h = new CommandHarness();
    fill(h, 0, 700);
    const [cursor] = h.run('HSCAN', 'h', '0', 'COUNT', '5') as [string, Reply];
    for (let i = 0; i < 690; i++) h.run('HDEL', 'h', `f${i}`);
    const rest: string[] = [];
    let next = cursor;
    do {
      const [c, items] = h.run('HSCAN', 'h', next as string) as [string, string[]];
      for (let i = 0; i < items.length; i += 2) rest.push(items[i] as string);
      next = c;
    } while (next !== '0');
    expect(new Set(rest)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `f${690 + i}`)));
  });
});
