import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

function error(text: string): ReplyError {
  return new ReplyError(text);
}

describe('ZADD', () => {
  it('adds new members, updates existing scores and replies with how many were added', () => {
    const h = new CommandHarness();
    expect(h.run('ZADD', 'z', '1', 'a', '2', 'b')).toBe(2);
    expect(h.run('ZADD', 'z', '3', 'a', '4', 'c')).toBe(1);
    expect(h.run('ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toEqual(['b', '2', 'a', '3', 'c', '4']);
    expect(h.run('TYPE', 'z')).toBe('zset');
  });

  it('counts changed scores too with CH, but not unchanged ones', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'a', '2', 'b');
    expect(h.run('ZADD', 'z', 'CH', '1', 'a', '5', 'b', '1', 'c')).toBe(2);
  });

  it('only adds with NX and only updates with XX, never creating the key with XX', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'a');
    expect(h.run('ZADD', 'z', 'NX', '9', 'a', '2', 'b')).toBe(1);
    expect(h.run('ZADD', 'z', 'XX', 'CH', '9', 'a', '3', 'c')).toBe(1);
    expect(h.run('ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toEqual(['b', '2', 'a', '9']);
    expect(h.run('ZADD', 'other', 'XX', '1', 'a')).toBe(0);
    expect(h.run('EXISTS', 'other')).toBe(0);
  });

  it('updates only upwards with GT and downwards with LT, adding new members either way', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '5', 'a', '5', 'b');
    expect(h.run('ZADD', 'z', 'GT', 'CH', '1', 'a', '9', 'b', '0', 'c')).toBe(2);
    expect(h.run('ZADD', 'z', 'LT', 'CH', '3', 'a', '10', 'b')).toBe(1);
    expect(h.run('ZMSCORE', 'z', 'a', 'b', 'c')).toEqual(['3', '9', '0']);
  });

  it('with INCR replies with the new score, or nil when an option stops the update', () => {
    const h = new CommandHarness();
    expect(h.run('ZADD', 'z', 'INCR', '1.5', 'a')).toBe('1.5');
    expect(h.run('ZADD', 'z', 'INCR', '1', 'a')).toBe('2.5');
    expect(h.run('ZADD', 'z', 'NX', 'INCR', '1', 'a')).toBeNull();
    expect(h.run('ZADD', 'z', 'GT', 'INCR', '-1', 'a')).toBeNull();
    expect(h.run('ZADD', 'z', 'XX', 'INCR', '0', 'a')).toBe('2.5');
    expect(h.run('ZADD', 'missing', 'XX', 'INCR', '1', 'a')).toBeNull();
  });

  it('refuses incompatible options and a bad score before changing anything', () => {
    const h = new CommandHarness();
    expect(h.run('ZADD', 'z', 'NX', 'XX', '1', 'a')).toEqual(error(Err.zaddXxNx));
    expect(h.run('ZADD', 'z', 'GT', 'LT', '1', 'a')).toEqual(error(Err.zaddGtLtNx));
    expect(h.run('ZADD', 'z', 'NX', 'GT', '1', 'a')).toEqual(error(Err.zaddGtLtNx));
    expect(h.run('ZADD', 'z', 'INCR', '1', 'a', '2', 'b')).toEqual(error(Err.zaddIncrPair));
    expect(h.run('ZADD', 'z', '1', 'a', 'nan', 'b')).toEqual(error(Err.notFloat));
    expect(h.run('ZADD', 'z', '1', 'a', '2')).toEqual(error(Err.syntax));
    expect(h.run('ZADD', 'z', 'CH')).toEqual(error(Err.wrongArity('zadd')));
    expect(h.run('EXISTS', 'z')).toBe(0);
  });

  it('answers WRONGTYPE for a key of another type, after checking the scores', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    expect(h.run('ZADD', 's', '1', 'a')).toEqual(error(Err.wrongType));
    expect(h.run('ZADD', 's', 'x', 'a')).toEqual(error(Err.notFloat));
  });

  it('invalidates a WATCH on the key only when something changed', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('ZADD', 'z', '1', 'a');
    h.run('WATCH', 'z');
    other.run('ZADD', 'z', 'NX', '5', 'a');
    h.run('MULTI');
    h.run('ZCARD', 'z');
    expect(h.run('EXEC')).toEqual([1]);
    h.run('WATCH', 'z');
    other.run('ZADD', 'z', '5', 'a');
    h.run('MULTI');
    h.run('ZCARD', 'z');
    expect(h.run('EXEC')).toBeNull();
  });

  it('creates the set as a skiplist when its first member is longer than zset-max-listpack-value', () => {
    const h = new CommandHarness({ config: { 'zset-max-listpack-value': '4' } });
    h.run('ZADD', 'small', '1', 'abcd');
    h.run('ZADD', 'big', '1', 'abcde');
    h.run('ZADD', 'small', '-0', 'zero');
    h.run('ZADD', 'big', '-0', 'zero');
    expect(h.run('ZSCORE', 'small', 'zero')).toBe('0');
    expect(h.run('ZSCORE', 'big', 'zero')).toBe('-0');
  });
});

describe('ZINCRBY', () => {
  it('adds to the score, starting from 0 for a new member', () => {
    const h = new CommandHarness();
    expect(h.run('ZINCRBY', 'z', '2', 'a')).toBe('2');
    expect(h.run('ZINCRBY', 'z', '0.1', 'a')).toBe('2.1000000000000001');
    expect(h.run('ZSCORE', 'z', 'a')).toBe('2.1000000000000001');
  });

  it('refuses a NaN result and leaves the score as it was', () => {
    const h = new CommandHarness();
    h.run('ZINCRBY', 'z', 'inf', 'a');
    expect(h.run('ZINCRBY', 'z', '-inf', 'a')).toEqual(error(Err.zsetNaN));
    expect(h.run('ZSCORE', 'z', 'a')).toBe('inf');
  });

  it('parses its arguments like ZADD, so option words are taken as options', () => {
    const h = new CommandHarness();
    expect(h.run('ZINCRBY', 'z', 'nx', '1')).toEqual(error(Err.syntax));
    expect(h.run('ZINCRBY', 'z', 'x', 'a')).toEqual(error(Err.notFloat));
  });

  it('replies with a RESP3 double', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    expect(h.client.raw('ZINCRBY', 'z', '1.5', 'a')).toBe(',1.5\r\n');
  });
});
