import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

function harnessWith(n: number): CommandHarness {
  const h = new CommandHarness();
  const args = ['ZADD', 'z'];
  for (let i = 0; i < n; i++) args.push(String(i), `m${i}`);
  h.run(...args);
  return h;
}

describe('ZRANDMEMBER', () => {
  it('returns one member of the set, or nil for a missing key', () => {
    const h = harnessWith(5);
    const members = new Set(h.run('ZRANGE', 'z', '0', '-1') as string[]);
    for (let i = 0; i < 20; i++) expect(members.has(h.run('ZRANDMEMBER', 'z') as string)).toBe(true);
    expect(h.run('ZRANDMEMBER', 'missing')).toBeNull();
  });

  it('returns count distinct members, or the whole set when count is larger', () => {
    const h = harnessWith(300);
    for (const count of [1, 2, 99, 100, 101, 250, 299]) {
      const picked = h.run('ZRANDMEMBER', 'z', String(count)) as string[];
      expect(picked).toHaveLength(count);
      expect(new Set(picked).size).toBe(count);
    }
    expect(new Set(h.run('ZRANDMEMBER', 'z', '1000') as string[]).size).toBe(300);
  });

  it('returns |count| members that may repeat for a negative count', () => {
    const h = harnessWith(2);
    const picked = h.run('ZRANDMEMBER', 'z', '-50') as string[];
    expect(picked).toHaveLength(50);
    expect(new Set(picked)).toEqual(new Set(['m0', 'm1']));
  });

  it('pairs each member with its own score, flat in RESP2 and nested in RESP3', () => {
    const h = harnessWith(10);
    const flat = h.run('ZRANDMEMBER', 'z', '-6', 'WITHSCORES') as string[];
    expect(flat).toHaveLength(12);
    for (let i = 0; i < flat.length; i += 2) expect(`m${flat[i + 1]}`).toBe(flat[i]);
    h.run('HELLO', '3');
    const nested = h.run('ZRANDMEMBER', 'z', '3', 'WITHSCORES') as [string, number][];
    for (const [member, score] of nested) expect(member).toBe(`m${score}`);
  });

  it('refuses counts it cannot serve instead of growing the reply without bound', () => {
    const h = harnessWith(3);
    expect(h.run('ZRANDMEMBER', 'z', '-9223372036854775808')).toEqual(new ReplyError(Err.countOutOfRange));
    const huge = h.run('ZRANDMEMBER', 'z', '-9223372036854775807') as ReplyError;
    expect(huge).toBeInstanceOf(ReplyError);
    expect(huge.message).toMatch(/^ERR ZRANDMEMBER count/);
    expect(h.run('ZRANDMEMBER', 'z', '9223372036854775807')).toHaveLength(3);
  });

  it('bounds a negative count by the size of the reply it would make, not by the count', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'wide', '1', 'x'.repeat(1000), '2', 'y'.repeat(1000));
    expect(h.run('ZRANDMEMBER', 'wide', '-20000')).toHaveLength(20000);
    expect(h.run('ZRANDMEMBER', 'wide', '-100000')).toBeInstanceOf(ReplyError);
  });

  it('checks the count, then the options, then the key', () => {
    const h = harnessWith(1);
    h.run('SET', 's', 'v');
    expect(h.run('ZRANDMEMBER', 's', 'x')).toEqual(new ReplyError(Err.notInteger));
    expect(h.run('ZRANDMEMBER', 's', '1', 'x')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZRANDMEMBER', 's', '1')).toEqual(new ReplyError(Err.wrongType));
    expect(h.run('ZRANDMEMBER', 'z', '0')).toEqual([]);
  });
});
