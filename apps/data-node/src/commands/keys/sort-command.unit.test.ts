import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { COLLECTION_FACTORIES } from '../../keyspace/collection-codecs.js';
import type { CollectionValue } from '../../keyspace/values.js';
import { sortScore } from './sort-command.js';
import { sortKeyIndexes } from './sort-options.js';

function withList(...elements: string[]): CommandHarness {
  const h = new CommandHarness();
  h.run('RPUSH', 'l', ...elements);
  return h;
}

describe('SORT', () => {
  it('sorts numerically by default, ties by bytes, and reversed with DESC', () => {
    const h = withList('3', '1', '10', '2', '01', '-inf', '1e1');
    expect(h.run('SORT', 'l')).toEqual(['-inf', '01', '1', '2', '3', '10', '1e1']);
    expect(h.run('SORT', 'l', 'DESC')).toEqual(['1e1', '10', '3', '2', '1', '01', '-inf']);
  });

  it('sorts by bytes with ALPHA', () => {
    const h = withList('b', 'B', 'a10', 'a9', '');
    expect(h.run('SORT', 'l', 'ALPHA')).toEqual(['', 'B', 'a10', 'a9', 'b']);
  });

  it('applies LIMIT after sorting, clamped like Redis', () => {
    const h = withList('3', '1', '2', '10');
    expect(h.run('SORT', 'l', 'LIMIT', '1', '2')).toEqual(['2', '3']);
    expect(h.run('SORT', 'l', 'LIMIT', '-5', '2')).toEqual(['1', '2']);
    expect(h.run('SORT', 'l', 'LIMIT', '1', '-1')).toEqual(['2', '3', '10']);
    expect(h.run('SORT', 'l', 'LIMIT', '2', '9223372036854775807')).toEqual(['3', '10']);
    expect(h.run('SORT', 'l', 'LIMIT', '4', '1')).toEqual([]);
    expect(h.run('SORT', 'l', 'LIMIT', '0', '0')).toEqual([]);
  });

  it('keeps list order with a BY pattern without *, reversed with DESC', () => {
    const h = withList('3', '1', '2', '10');
    expect(h.run('SORT', 'l', 'BY', 'nosort')).toEqual(['3', '1', '2', '10']);
    expect(h.run('SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2')).toEqual(['2', '1']);
  });

  it('weights elements by other keys, a missing key weighing 0', () => {
    const h = withList('a', 'b', 'c');
    h.run('SET', 'w_a', '3');
    h.run('SET', 'w_b', '1');
    expect(h.run('SORT', 'l', 'BY', 'w_*')).toEqual(['c', 'b', 'a']);
    h.run('SET', 'w_c', 'zz');
    expect(h.run('SORT', 'l', 'BY', 'w_*', 'ALPHA')).toEqual(['b', 'a', 'c']);
  });

  it('fetches values with GET, # being the element, nil when missing', () => {
    const h = withList('2', '1');
    h.run('SET', 'v_1', 'one');
    h.run('RPUSH', 'v_2', 'not a string');
    expect(h.run('SORT', 'l', 'GET', '#', 'GET', 'v_*', 'GET', 'nostar')).toEqual([
      '1',
      'one',
      null,
      '2',
      null,
      null,
    ]);
  });

  it('reads hash fields through -> in BY and GET', () => {
    const h = withList('a', 'b');
    const hash = COLLECTION_FACTORIES.hash;
    expect(hash).toBeDefined();
    h.state.db.set('h_a', hash?.(['rank', '2', 'name', 'Ann']) as CollectionValue);
    h.state.db.set('h_b', hash?.(['rank', '1', 'name', 'Bob']) as CollectionValue);
    expect(h.run('SORT', 'l', 'BY', 'h_*->rank', 'GET', 'h_*->name')).toEqual(['Bob', 'Ann']);
    expect(h.run('SORT', 'l', 'BY', 'h_*->rank', 'GET', 'h_*->missing')).toEqual([null, null]);
  });

  it('stores the result as a list, replacing the destination and its TTL', () => {
    const h = withList('3', '1', '2');
    h.run('SET', 'dst', 'old', 'EX', '100');
    expect(h.run('SORT', 'l', 'STORE', 'dst')).toBe(3);
    expect(h.run('LRANGE', 'dst', '0', '-1')).toEqual(['1', '2', '3']);
    expect(h.run('TTL', 'dst')).toBe(-1);
  });

  it('stores missing GET values as empty strings and deletes the destination for an empty result', () => {
    const h = withList('1');
    expect(h.run('SORT', 'l', 'GET', 'v_*', 'STORE', 'dst')).toBe(1);
    expect(h.run('LRANGE', 'dst', '0', '-1')).toEqual(['']);
    expect(h.run('SORT', 'nope', 'STORE', 'dst')).toBe(0);
    expect(h.run('EXISTS', 'dst')).toBe(0);
  });

  it('sorts the members of a set, and ALPHA-sorts them when storing without sorting', () => {
    const h = new CommandHarness();
    const set = COLLECTION_FACTORIES.set;
    expect(set).toBeDefined();
    h.state.db.set('s', set?.(['c', 'a', 'b']) as CollectionValue);
    expect(h.run('SORT', 's', 'ALPHA', 'DESC')).toEqual(['c', 'b', 'a']);
    expect(h.run('SORT', 's', 'BY', 'nosort', 'STORE', 'dst')).toBe(3);
    expect(h.run('LRANGE', 'dst', '0', '-1')).toEqual(['a', 'b', 'c']);
  });

  it('answers an empty array for a missing key and WRONGTYPE for strings', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    expect(h.run('SORT', 'nope')).toEqual([]);
    expect(h.run('SORT', 's')).toEqual(
      new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });

  it('refuses weights that are not numbers', () => {
    const h = withList('1', 'x');
    expect(h.run('SORT', 'l')).toEqual(
      new ReplyError("ERR One or more scores can't be converted into double"),
    );
    expect(h.run('SORT', 'l', 'STORE', 'dst')).toEqual(
      new ReplyError("ERR One or more scores can't be converted into double"),
    );
    expect(h.run('EXISTS', 'dst')).toBe(0);
  });

  it('refuses malformed options with Redis texts', () => {
    const h = withList('1');
    expect(h.run('SORT', 'l', 'LIMIT', '0')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('SORT', 'l', 'LIMIT', 'x', '1')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.run('SORT', 'l', 'BY')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('SORT', 'l', 'RANDOM')).toEqual(new ReplyError('ERR syntax error'));
  });

  it('refuses BY patterns and GET in cluster mode', () => {
    const h = new CommandHarness({ config: { 'cluster-enabled': 'yes' } });
    h.run('RPUSH', 'l', '2', '1');
    expect(h.run('SORT', 'l', 'BY', 'w_*')).toEqual(
      new ReplyError('ERR BY option of SORT denied in Cluster mode.'),
    );
    expect(h.run('SORT', 'l', 'GET', '#')).toEqual(
      new ReplyError('ERR GET option of SORT denied in Cluster mode.'),
    );
    expect(h.run('SORT', 'l', 'BY', 'nosort')).toEqual(['2', '1']);
  });
});

describe('SORT_RO', () => {
  it('sorts like SORT but has no STORE', () => {
    const h = withList('2', '1');
    expect(h.run('SORT_RO', 'l')).toEqual(['1', '2']);
    expect(h.run('SORT_RO', 'l', 'STORE', 'dst')).toEqual(new ReplyError('ERR syntax error'));
  });
});

describe('sortScore', () => {
  it('reads weights as C strtod followed by a full-string check', () => {
    expect(sortScore('')).toBe(0);
    expect(sortScore('  4')).toBe(4);
    expect(sortScore('\t-1.5e2')).toBe(-150);
    expect(sortScore('inf')).toBe(Infinity);
    expect(sortScore('0x10')).toBe(16);
    expect(sortScore('5\0junk')).toBe(5);
    for (const bad of ['4 ', ' ', 'nan', 'x', '1e400', '1e']) expect(sortScore(bad)).toBeNull();
  });
});

describe('sortKeyIndexes', () => {
  it('finds the sorted key and the last STORE destination, skipping option arguments', () => {
    const args = (...a: string[]) => a.map((s) => Buffer.from(s));
    expect(sortKeyIndexes(args('SORT', 'l'))).toEqual([1]);
    expect(sortKeyIndexes(args('SORT', 'l', 'STORE', 'a', 'STORE', 'b'))).toEqual([1, 5]);
    expect(sortKeyIndexes(args('SORT', 'l', 'GET', 'store', 'BY', 'store'))).toEqual([1]);
    expect(sortKeyIndexes(args('SORT', 'l', 'LIMIT', 'store', 'x', 'store', 'd'))).toEqual([1, 6]);
  });
});
