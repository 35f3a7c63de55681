// HRANDFIELD: the shape of each count case, the fields it may return, uniform picks over packed and dense
// hashes, and the bounds on counts that would make Redis run out of memory.
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError, type Reply } from '../../testing/command-harness.js';
import { RANDOM_REPLY_LIMIT_BYTES } from '../sets/random-count.js';

function hashOf(size: number): CommandHarness {
  const h = new CommandHarness();
  const args: string[] = [];
  for (let i = 0; i < size; i++) args.push(`f${i}`, `v${i}`);
  h.run('HSET', 'h', ...args);
  return h;
}

function tally(fields: readonly Reply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f as string, (counts.get(f as string) ?? 0) + 1);
  return counts;
}

describe('HRANDFIELD', () => {
  for (const size of [10, 600]) {
    describe(`on a ${size}-field hash`, () => {
      it('returns count distinct existing fields for 0 < count < size', () => {
        const h = hashOf(size);
        for (const count of [1, 2, Math.floor(size / 3), size - 1]) {
          const fields = h.run('HRANDFIELD', 'h', String(count)) as string[];
          expect(fields).toHaveLength(count);
          expect(new Set(fields).size).toBe(count);
          for (const f of fields) expect(f).toMatch(/^f\d+$/);
          for (const f of fields) expect(Number(f.slice(1))).toBeLessThan(size);
        }
      });

      it('returns the whole hash for a count at least its size', () => {
        const h = hashOf(size);
        const fields = h.run('HRANDFIELD', 'h', String(size + 5)) as string[];
        expect(new Set(fields)).toEqual(new Set(Array.from({ length: size }, (_, i) => `f${i}`)));
        expect(fields).toHaveLength(size);
      });

      it('repeats fields for a negative count and pairs each with its value', () => {
        const h = hashOf(size);
        const flat = h.run('HRANDFIELD', 'h', String(-3 * size), 'WITHVALUES') as string[];
        expect(flat).toHaveLength(6 * size);
        for (let i = 0; i < flat.length; i += 2) expect(flat[i + 1]).toBe(`v${(flat[i] as string).slice(1)}`);
        const fields = flat.filter((_, i) => i % 2 === 0);
        expect(new Set(fields).size).toBeLessThan(fields.length);
        h.client.state.writer.protocol = 3;
        const nested = h.run('HRANDFIELD', 'h', '-5', 'WITHVALUES') as string[][];
        expect(nested).toHaveLength(5);
        for (const [field, value] of nested) expect(value).toBe(`v${(field as string).slice(1)}`);
      });

      it('picks every field with the same probability', () => {
        const h = hashOf(size);
        const picks = size * 200;
        const counts = tally(h.run('HRANDFIELD', 'h', String(-picks)) as string[]);
        expect(counts.size).toBe(size);
        // Each field is expected 200 times (standard deviation about 14); +-40% is over 5 deviations.
        for (const n of counts.values()) {
          expect(n).toBeGreaterThan(120);
          expect(n).toBeLessThan(280);
        }
      });

      it('draws distinct samples uniformly', () => {
        const h = hashOf(size);
        const count = Math.max(2, Math.floor(size / 5));
        const rounds = Math.ceil((200 * size) / count);
        const all: string[] = [];
        for (let i = 0; i < rounds; i++) all.push(...(h.run('HRANDFIELD', 'h', String(count)) as string[]));
        const counts = tally(all);
        expect(counts.size).toBe(size);
        const expected = all.length / size;
        for (const n of counts.values()) {
          expect(n).toBeGreaterThan(expected * 0.6);
          expect(n).toBeLessThan(expected * 1.4);
        }
      });
    });
  }

  it('the single-field form picks each field, uniformly', () => {
    const h = hashOf(5);
    const picks = Array.from({ length: 5000 }, () => h.run('HRANDFIELD', 'h'));
    const counts = tally(picks);
    expect(counts.size).toBe(5);
    for (const n of counts.values()) expect(n).toBeGreaterThan(700);
  });

  it('refuses a negative count whose reply would exceed the reply limit, whatever its size', () => {
    const h = hashOf(10);
    const tooMany = String(-Math.ceil(RANDOM_REPLY_LIMIT_BYTES / 5));
    for (const count of [tooMany, '-9223372036854775807', '-4611686018427387903']) {
      expect(h.run('HRANDFIELD', 'h', count)).toEqual(
        new ReplyError(
          `ERR HRANDFIELD count would produce a reply over ${RANDOM_REPLY_LIMIT_BYTES} bytes; ask for fewer elements per call`,
        ),
      );
    }
    expect(h.run('HRANDFIELD', 'h', '-4611686018427387903', 'WITHVALUES')).toBeInstanceOf(ReplyError);
    expect(h.run('HRANDFIELD', 'h', '-1000', 'WITHVALUES')).toHaveLength(2000);
  });

  it('tells LLONG_MIN from -LLONG_MAX and +-LLONG_MAX/2 from the next integers, which doubles cannot', () => {
    const h = hashOf(2);
    expect(h.run('HRANDFIELD', 'h', '-9223372036854775808')).toEqual(
      new ReplyError(
        'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
      ),
    );
    expect(h.run('HRANDFIELD', 'h', '9223372036854775807')).toHaveLength(2);
    expect(h.run('HRANDFIELD', 'h', '4611686018427387903', 'WITHVALUES')).toHaveLength(4);
    expect(h.run('HRANDFIELD', 'h', '4611686018427387904', 'WITHVALUES')).toEqual(
      new ReplyError('ERR value is out of range'),
    );
    expect(h.run('HRANDFIELD', 'h', '-4611686018427387904', 'WITHVALUES')).toEqual(
      new ReplyError('ERR value is out of range'),
    );
  });
});
