import { describe, expect, it } from 'vitest';
import { ValueKind } from './values.js';
import { DEFAULT_ZSET_LIMITS, ZsetValue } from './zset-value.js';

const LIMITS = DEFAULT_ZSET_LIMITS;
const ENCODING_LIMITS = {
  ...DEFAULT_ZSET_LIMITS,
  hashMaxListpackEntries: 128,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
};

function members(zset: ZsetValue): [string, number][] {
  const out: [string, number][] = [];
  if (zset.size === 0) return out;
  const cursor = zset.cursor(0);
  for (let i = 0; i < zset.size; i++, cursor.next()) out.push([cursor.member, cursor.score]);
  return out;
}

describe('ZsetValue', () => {
  it('orders members by score, then by member bytes', () => {
    const zset = new ZsetValue();
    zset.add('b', 1, LIMITS);
    zset.add('a', 2, LIMITS);
    zset.add('\u00ff', 1, LIMITS);
    zset.add('B', 1, LIMITS);
    expect(members(zset)).toEqual([
      ['B', 1],
      ['b', 1],
      ['\u00ff', 1],
      ['a', 2],
    ]);
    expect(zset.rank('a')).toBe(3);
    expect(zset.rank('nope')).toBe(-1);
    expect(zset.kind).toBe(ValueKind.zset);
  });

  it('moves a member when its score changes and forgets removed members', () => {
    const zset = new ZsetValue();
    for (const [m, s] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      zset.add(m, s, LIMITS);
    zset.update('a', 1, 10);
    expect(members(zset).map(([m]) => m)).toEqual(['b', 'c', 'a']);
    expect(zset.score('a')).toBe(10);
    expect(zset.remove('b')).toBe(true);
    expect(zset.remove('b')).toBe(false);
    zset.removeRange(0, 1);
    expect(members(zset)).toEqual([['a', 10]]);
    expect(zset.size).toBe(1);
  });

  it('counts scores and members below a bound', () => {
    const zset = new ZsetValue();
    for (let i = 0; i < 300; i++) zset.add(`m${String(i).padStart(3, '0')}`, i % 10, LIMITS);
    expect(zset.countScoresBelow(5, false)).toBe(150);
    expect(zset.countScoresBelow(5, true)).toBe(180);
    const lex = new ZsetValue();
    for (const m of ['a', 'b', 'c', 'd']) lex.add(m, 0, LIMITS);
    expect(lex.countMembersBelow('c', false)).toBe(2);
    expect(lex.countMembersBelow('c', true)).toBe(3);
  });

  it('reports listpack until an insert passes zset-max-listpack-entries or -value, and never goes back', () => {
    const limits = { zsetMaxListpackEntries: 3, zsetMaxListpackValue: 5 };
    const zset = new ZsetValue();
    for (const m of ['a', 'b', 'c']) zset.add(m, 1, limits);
    expect(zset.encoding(ENCODING_LIMITS)).toBe('listpack');
    zset.add('d', 1, limits);
    expect(zset.encoding(ENCODING_LIMITS)).toBe('skiplist');
    zset.remove('d');
    zset.remove('c');
    expect(zset.encoding(ENCODING_LIMITS)).toBe('skiplist');
    const long = new ZsetValue();
    long.add('abcdef', 1, limits);
    expect(long.encoding(ENCODING_LIMITS)).toBe('skiplist');
  });

  it('stores -0 as 0 while a listpack, and keeps the sign once a skiplist (as redis-server does)', () => {
    const small = new ZsetValue();
    small.add('a', -0, LIMITS);
    expect(Object.is(small.score('a'), 0)).toBe(true);
    const big = new ZsetValue(false);
    big.add('a', -0, LIMITS);
    expect(Object.is(big.score('a'), -0)).toBe(true);
    big.update('a', -0, 1);
    big.update('a', 1, -0);
    expect(Object.is(big.score('a'), -0)).toBe(true);
  });

  it('compacts a small stored result into a listpack, which also drops the sign of -0', () => {
    const result = new ZsetValue(false);
    result.add('a', -0, LIMITS);
    result.add('b', 2, LIMITS);
    result.compactIfSmall(LIMITS);
    expect(result.encoding(ENCODING_LIMITS)).toBe('listpack');
    expect(Object.is(result.score('a'), 0)).toBe(true);
    const large = new ZsetValue(false);
    for (let i = 0; i < 200; i++) large.add(`m${i}`, i, LIMITS);
    large.compactIfSmall(LIMITS);
    expect(large.encoding(ENCODING_LIMITS)).toBe('skiplist');
  });

  it('round-trips through toParts and fromParts, scores exactly', () => {
    const zset = new ZsetValue(false);
    const scores = [0.1, -Infinity, Infinity, 1e-300, 123456789.12345679, -0, 3];
    scores.forEach((s, i) => zset.add(`m${i}`, s, LIMITS));
    const parts = zset.toParts();
    const copy = ZsetValue.fromParts(parts) as ZsetValue;
    expect(members(copy).map(([m, s]) => [m, s === 0 ? 0 : s])).toEqual(
      members(zset).map(([m, s]) => [m, s === 0 ? 0 : s]),
    );
    expect(ZsetValue.fromParts(['a'])).toBeNull();
    expect(ZsetValue.fromParts(['a', 'nan'])).toBeNull();
    expect(ZsetValue.fromParts(['a', '1', 'a', '2'])).toBeNull();
    expect(ZsetValue.fromParts([])).toBeNull();
  });

  it('clones deeply: changing the copy leaves the original alone', () => {
    const zset = new ZsetValue();
    for (let i = 0; i < 100; i++) zset.add(`m${i}`, i, LIMITS);
    const copy = zset.clone();
    copy.remove('m0');
    copy.update('m1', 1, 1000);
    expect(zset.size).toBe(100);
    expect(zset.score('m1')).toBe(1);
    expect(members(copy)).toHaveLength(99);
    expect(copy.bytes).toBeLessThan(zset.bytes);
    expect([...zset.members()]).toHaveLength(100);
  });

  it('grows and shrinks its byte estimate with its members', () => {
    const zset = new ZsetValue();
    const empty = zset.bytes;
    zset.add('member', 1, LIMITS);
    const one = zset.bytes;
    expect(one).toBeGreaterThan(empty + 'member'.length);
    zset.update('member', 1, 2);
    expect(zset.bytes).toBe(one);
    zset.remove('member');
    expect(zset.bytes).toBe(empty);
  });
});
