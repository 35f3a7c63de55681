import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

/** Runs ZSCAN to the end (at most `maxCalls` calls), calling `between` after every page. */
function scanAll(
  h: CommandHarness,
  key: string,
  count: string,
  between: (call: number) => void = () => undefined,
) {
  const seen: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const [next, items] = h.run('ZSCAN', key, cursor, 'COUNT', count) as [string, string[]];
    for (let i = 0; i < items.length; i += 2) seen.push(items[i] as string);
    cursor = next;
    between(++calls);
  } while (cursor !== '0' && calls < 10_000);
  return { seen, calls };
}

describe('ZSCAN', () => {
  it('returns a listpack-sized set whole with cursor 0, scores as %.17g text', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '0.1', 'a', '1e20', 'b', '3', 'c');
    expect(h.run('ZSCAN', 'z', '0', 'COUNT', '1')).toEqual([
      '0',
      ['a', '0.10000000000000001', 'c', '3', 'b', '1e+20'],
    ]);
    expect(h.run('ZSCAN', 'z', '12345')).toEqual(h.run('ZSCAN', 'z', '0'));
  });

  it('filters members with MATCH after choosing the page', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'apple', '2', 'banana', '3', 'avocado');
    expect(h.run('ZSCAN', 'z', '0', 'MATCH', 'a*')).toEqual(['0', ['apple', '1', 'avocado', '3']]);
  });

  it('walks a large set in pages of about COUNT members, each returned once', () => {
    const h = new CommandHarness();
    for (let i = 0; i < 1000; i++) h.run('ZADD', 'z', String(i), `m${i}`);
    const { seen, calls } = scanAll(h, 'z', '10');
    expect(new Set(seen).size).toBe(1000);
    expect(seen).toHaveLength(1000);
    expect(calls).toBeGreaterThanOrEqual(100);
  });

  it('never ends a page inside a run of equal scores', () => {
    const h = new CommandHarness();
    for (let i = 0; i < 300; i++) h.run('ZADD', 'z', String(Math.floor(i / 50)), `m${i}`);
    const { seen, calls } = scanAll(h, 'z', '10');
    expect(seen).toHaveLength(300);
    expect(calls).toBe(6);
  });

  it('returns every member present for the whole scan, whatever is added or removed meanwhile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ remove: fc.nat({ max: 399 }), add: fc.integer({ min: -50, max: 500 }) }), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 40 }),
        (changes, count) => {
          const h = new CommandHarness();
          for (let i = 0; i < 400; i++) h.run('ZADD', 'z', String(i % 97), `m${i}`);
          const removed = new Set<string>();
          const { seen } = scanAll(h, 'z', String(count), (call) => {
            const change = changes[call - 1];
            if (change === undefined) return;
            removed.add(`m${change.remove}`);
            h.run('ZREM', 'z', `m${change.remove}`);
            h.run('ZADD', 'z', String(change.add), `new${call}`);
          });
          const kept = new Set(seen);
          for (let i = 0; i < 400; i++) {
            if (!removed.has(`m${i}`)) expect(kept.has(`m${i}`)).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('parses the cursor like strtoul and refuses bad options, reading the key first', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'a');
    expect(h.run('ZSCAN', 'z', '-1')).toEqual(['0', ['a', '1']]);
    expect(h.run('ZSCAN', 'z', '')).toEqual(['0', ['a', '1']]);
    expect(h.run('ZSCAN', 'z', '18446744073709551616')).toEqual(new ReplyError(Err.invalidCursor));
    expect(h.run('ZSCAN', 'z', ' 1')).toEqual(new ReplyError(Err.invalidCursor));
    expect(h.run('ZSCAN', 'z', '0', 'COUNT', '0')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZSCAN', 'z', '0', 'COUNT', 'x')).toEqual(new ReplyError(Err.notInteger));
    expect(h.run('ZSCAN', 'z', '0', 'TYPE', 'zset')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZSCAN', 'missing', '0', 'COUNT', '0')).toEqual(['0', []]);
    h.run('SET', 's', 'v');
    expect(h.run('ZSCAN', 's', '0')).toEqual(new ReplyError(Err.wrongType));
  });
});
