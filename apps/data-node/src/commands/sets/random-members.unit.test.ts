// SPOP and SRANDMEMBER: what each count case returns and removes, uniform picks, and the bounds on counts that
// would make Redis run out of memory.
import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError, type Reply } from '../../testing/command-harness.js';
import { RANDOM_REPLY_LIMIT_BYTES } from './random-count.js';

function setOf(size: number, prefix = 'm'): { h: CommandHarness; members: string[] } {
  const h = new CommandHarness();
  const members = Array.from({ length: size }, (_, i) => `${prefix}${i}`);
  h.run('SADD', 's', ...members);
  return { h, members };
}

function tally(picks: readonly Reply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of picks) counts.set(p as string, (counts.get(p as string) ?? 0) + 1);
  return counts;
}

describe('SPOP', () => {
  for (const count of [1, 10, 499, 990]) {
    it(`with count ${count} of 1000 removes exactly the members it returns`, () => {
      const { h, members } = setOf(1000);
      const popped = h.run('SPOP', 's', String(count)) as string[];
      expect(popped).toHaveLength(count);
      expect(new Set(popped).size).toBe(count);
      const left = new Set(h.run('SMEMBERS', 's') as string[]);
      expect(left.size).toBe(1000 - count);
      for (const m of popped) expect(left.has(m)).toBe(false);
      expect(new Set([...popped, ...left])).toEqual(new Set(members));
    });
  }

  it('drains a set one member at a time and deletes the key with the last', () => {
    const { h, members } = setOf(50);
    const popped = Array.from({ length: 50 }, () => h.run('SPOP', 's'));
    expect(new Set(popped)).toEqual(new Set(members));
    expect(h.run('EXISTS', 's')).toBe(0);
    expect(h.run('SPOP', 's')).toBeNull();
  });

  it('pops every member with the same probability', () => {
    const counts = new Map<string, number>();
    for (let round = 0; round < 2000; round++) {
      const { h } = setOf(10);
      for (const m of h.run('SPOP', 's', '3') as string[]) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    // Each member is expected 600 times (standard deviation about 20).
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(480);
      expect(n).toBeLessThan(720);
    }
  });

  it('leaves an intset when it pops most of a hashtable set of integers, as Redis rebuilding it does', () => {
    const h = new CommandHarness();
    h.run('SADD', 's', ...Array.from({ length: 600 }, (_, i) => String(i)));
    expect(h.run('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    h.run('SPOP', 's', '100');
    expect(h.run('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    h.run('SPOP', 's', '490');
    expect(h.run('SCARD', 's')).toBe(10);
    expect(h.run('OBJECT', 'ENCODING', 's')).toBe('intset');
    h.run('SADD', 't', 'a', ...Array.from({ length: 20 }, (_, i) => String(i)));
    h.run('SPOP', 't', '20');
    // One member is left: 'a' keeps the set a hashtable, an integer makes it an intset.
    expect(h.run('OBJECT', 'ENCODING', 't')).toBe(
      h.run('SISMEMBER', 't', 'a') === 1 ? 'hashtable' : 'intset',
    );
  });
});

describe('SRANDMEMBER', () => {
  for (const size of [5, 1000]) {
    it(`returns count distinct members of a ${size}-member set without changing it`, () => {
      const { h, members } = setOf(size);
      for (const count of [1, 2, Math.floor(size / 3), size - 1]) {
        const picked = h.run('SRANDMEMBER', 's', String(count)) as string[];
        expect(picked).toHaveLength(count);
        expect(new Set(picked).size).toBe(count);
        for (const m of picked) expect(members).toContain(m);
      }
      expect(h.run('SCARD', 's')).toBe(size);
    });

    it(`picks every member of a ${size}-member set with the same probability, repeats allowed`, () => {
      const { h } = setOf(size);
      const picks = h.run('SRANDMEMBER', 's', String(-200 * size)) as string[];
      const counts = tally(picks);
      expect(counts.size).toBe(size);
      // Each member is expected 200 times (standard deviation about 14); +-40% is over 5 deviations.
      for (const n of counts.values()) {
        expect(n).toBeGreaterThan(120);
        expect(n).toBeLessThan(280);
      }
    });
  }

  it('draws distinct samples uniformly', () => {
    const { h } = setOf(30);
    const all: string[] = [];
    for (let i = 0; i < 1000; i++) all.push(...(h.run('SRANDMEMBER', 's', '6') as string[]));
    for (const n of tally(all).values()) {
      expect(n).toBeGreaterThan(120);
      expect(n).toBeLessThan(280);
    }
  });

  it('refuses a negative count whose reply would exceed the reply limit, and LLONG_MIN', () => {
    const { h } = setOf(3, 'x'.repeat(100));
    const limitError = new ReplyError(
      `ERR SRANDMEMBER count would produce a reply over ${RANDOM_REPLY_LIMIT_BYTES} bytes; ask for fewer elements per call`,
    );
    expect(h.run('SRANDMEMBER', 's', '-9223372036854775807')).toEqual(limitError);
    expect(h.run('SRANDMEMBER', 's', String(-Math.ceil(RANDOM_REPLY_LIMIT_BYTES / 100)))).toEqual(limitError);
    expect(h.run('SRANDMEMBER', 's', '-9223372036854775808')).toEqual(
      new ReplyError(
        'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
      ),
    );
    expect(h.run('SRANDMEMBER', 's', '9223372036854775807')).toHaveLength(3);
    expect(h.run('SRANDMEMBER', 's', '-100000')).toHaveLength(100000);
  });
});
