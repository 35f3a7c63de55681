import { beforeEach, describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

let h: CommandHarness;

beforeEach(() => {
  h = new CommandHarness();
  h.run('ZADD', 'a', '1', 'x', '2', 'y', '3', 'z');
  h.run('ZADD', 'b', '10', 'y', '20', 'z', '30', 'w');
});

describe('ZUNION and ZUNIONSTORE', () => {
  it('sum the scores of members found in several inputs, ordered by the result', () => {
    expect(h.run('ZUNION', '2', 'a', 'b', 'WITHSCORES')).toEqual(['x', '1', 'y', '12', 'z', '23', 'w', '30']);
  });

  it('apply weights and the MIN or MAX aggregate', () => {
    expect(h.run('ZUNION', '2', 'a', 'b', 'WEIGHTS', '2', '0.5', 'WITHSCORES')).toEqual([
      'x',
      '2',
      'y',
      '9',
      'w',
      '15',
      'z',
      '16',
    ]);
    expect(h.run('ZUNION', '2', 'a', 'b', 'AGGREGATE', 'MIN', 'WITHSCORES')).toEqual([
      'x',
      '1',
      'y',
      '2',
      'z',
      '3',
      'w',
      '30',
    ]);
    expect(h.run('ZUNION', '2', 'a', 'b', 'WEIGHTS', '-1', '1', 'AGGREGATE', 'max')).toEqual([
      'x',
      'y',
      'z',
      'w',
    ]);
  });

  it('count a NaN weighted score or sum as 0', () => {
    h.run('ZADD', 'inf', 'inf', 'x', '-inf', 'y');
    h.run('ZADD', 'neg', '-inf', 'x');
    expect(h.run('ZUNION', '2', 'inf', 'neg', 'WITHSCORES')).toEqual(['y', '-inf', 'x', '0']);
    expect(h.run('ZUNION', '1', 'inf', 'WEIGHTS', '0', 'WITHSCORES')).toEqual(['x', '0', 'y', '0']);
  });

  it('store the union, and delete the destination when it is empty', () => {
    expect(h.run('ZUNIONSTORE', 'dst', '2', 'a', 'b')).toBe(4);
    expect(h.run('ZRANGE', 'dst', '0', '-1')).toEqual(['x', 'y', 'z', 'w']);
    expect(h.run('ZUNIONSTORE', 'dst', '1', 'missing')).toBe(0);
    expect(h.run('EXISTS', 'dst')).toBe(0);
  });

  it('may overwrite one of its inputs', () => {
    expect(h.run('ZUNIONSTORE', 'a', '2', 'a', 'b', 'AGGREGATE', 'MAX')).toBe(4);
    expect(h.run('ZRANGE', 'a', '0', '-1', 'WITHSCORES')).toEqual([
      'x',
      '1',
      'y',
      '10',
      'z',
      '20',
      'w',
      '30',
    ]);
  });
});

describe('ZINTER, ZINTERSTORE and ZINTERCARD', () => {
  it('keep members present in every input', () => {
    h.run('ZADD', 'c', '100', 'z');
    expect(h.run('ZINTER', '2', 'a', 'b', 'WITHSCORES')).toEqual(['y', '12', 'z', '23']);
    expect(h.run('ZINTER', '3', 'a', 'b', 'c', 'AGGREGATE', 'MIN', 'WITHSCORES')).toEqual(['z', '3']);
    expect(h.run('ZINTER', '2', 'a', 'missing')).toEqual([]);
    expect(h.run('ZINTERSTORE', 'dst', '2', 'a', 'b', 'WEIGHTS', '1', '0')).toBe(2);
    expect(h.run('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['y', '2', 'z', '3']);
  });

  it('count the intersection, stopping at LIMIT', () => {
    expect(h.run('ZINTERCARD', '2', 'a', 'b')).toBe(2);
    expect(h.run('ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1')).toBe(1);
    expect(h.run('ZINTERCARD', '2', 'a', 'b', 'LIMIT', '0')).toBe(2);
    expect(h.run('ZINTERCARD', '1', 'a', 'LIMIT', '-1')).toEqual(new ReplyError(Err.limitNegative));
    expect(h.run('ZINTERCARD', '1', 'a', 'WITHSCORES')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('ZDIFF and ZDIFFSTORE', () => {
  it('keep the first input minus the others, with its own scores', () => {
    expect(h.run('ZDIFF', '2', 'a', 'b', 'WITHSCORES')).toEqual(['x', '1']);
    expect(h.run('ZDIFF', '2', 'a', 'a')).toEqual([]);
    expect(h.run('ZDIFFSTORE', 'dst', '2', 'b', 'a')).toBe(1);
    expect(h.run('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['w', '30']);
    expect(h.run('ZDIFF', '2', 'a', 'b', 'WEIGHTS', '1', '1')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('argument checks', () => {
  it('follow Redis order: numkeys, the keys (WRONGTYPE), then the options', () => {
    h.run('SET', 's', 'v');
    expect(h.run('ZUNION', 'x', 'a')).toEqual(new ReplyError(Err.notInteger));
    expect(h.run('ZUNION', '0', 'a')).toEqual(new ReplyError(Err.inputKeyNeeded('zunion')));
    expect(h.run('ZUNIONSTORE', 'd', '-1', 'a')).toEqual(new ReplyError(Err.inputKeyNeeded('zunionstore')));
    expect(h.run('ZUNION', '3', 'a', 'b')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZUNION', '2', 's', 'a', 'WEIGHTS', 'x')).toEqual(new ReplyError(Err.wrongType));
    expect(h.run('ZUNION', '1', 'a', 'WEIGHTS', 'x')).toEqual(new ReplyError(Err.weightNotFloat));
    expect(h.run('ZUNION', '1', 'a', 'AGGREGATE', 'AVG')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZUNIONSTORE', 'd', '1', 'a', 'WITHSCORES')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('plain sets', () => {
  it('take part with a score of 1 for every member', () => {
    h.run('SADD', 'set', 'x', 'w', 'v');
    expect(h.run('ZUNION', '2', 'set', 'a', 'WITHSCORES')).toEqual([
      'v',
      '1',
      'w',
      '1',
      'x',
      '2',
      'y',
      '2',
      'z',
      '3',
    ]);
    expect(h.run('ZINTER', '2', 'set', 'b', 'WEIGHTS', '5', '1', 'WITHSCORES')).toEqual(['w', '35']);
    expect(h.run('ZDIFF', '2', 'set', 'a')).toEqual(['v', 'w']);
  });
});

describe('RESP3 replies', () => {
  it('nest [member, score] pairs', () => {
    h.run('HELLO', '3');
    expect(h.run('ZINTER', '2', 'a', 'b', 'WITHSCORES')).toEqual([
      ['y', 12],
      ['z', 23],
    ]);
  });
});
