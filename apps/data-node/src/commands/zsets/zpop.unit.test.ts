import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

describe('ZPOPMIN and ZPOPMAX', () => {
  it('pop the lowest or highest members and delete the key once empty', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    expect(h.run('ZPOPMIN', 'z')).toEqual(['a', '1']);
    expect(h.run('ZPOPMAX', 'z', '2')).toEqual(['d', '4', 'c', '3']);
    expect(h.run('ZPOPMIN', 'z', '0')).toEqual([]);
    expect(h.run('ZPOPMIN', 'z', '10')).toEqual(['b', '2']);
    expect(h.run('EXISTS', 'z')).toBe(0);
    expect(h.run('ZPOPMIN', 'z')).toEqual([]);
  });

  it('refuse a negative or non-integer count and extra arguments', () => {
    const h = new CommandHarness();
    expect(h.run('ZPOPMIN', 'z', '-1')).toEqual(new ReplyError(Err.notPositive));
    expect(h.run('ZPOPMIN', 'z', 'x')).toEqual(new ReplyError(Err.notPositive));
    expect(h.run('ZPOPMIN', 'z', '1', '2')).toEqual(new ReplyError(Err.syntax));
  });

  it('nest pairs in RESP3 only when a count is given', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    h.run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(h.run('ZPOPMIN', 'z')).toEqual(['a', 1]);
    expect(h.run('ZPOPMIN', 'z', '1')).toEqual([['b', 2]]);
  });
});

describe('ZMPOP', () => {
  it('pops from the first non-empty key and replies [key, [[member, score]...]]', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'b', '1', 'x', '2', 'y');
    expect(h.run('ZMPOP', '2', 'a', 'b', 'MAX', 'COUNT', '5')).toEqual([
      'b',
      [
        ['y', '2'],
        ['x', '1'],
      ],
    ]);
    expect(h.run('ZMPOP', '2', 'a', 'b', 'MIN')).toBeNull();
  });

  it('checks numkeys, then MIN|MAX, then COUNT', () => {
    const h = new CommandHarness();
    expect(h.run('ZMPOP', '0', 'a', 'MIN')).toEqual(new ReplyError(Err.numkeysNotPositive));
    expect(h.run('ZMPOP', '2', 'a', 'MIN')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZMPOP', '1', 'a', 'MIN', 'COUNT', '0')).toEqual(new ReplyError(Err.countNotPositive));
    expect(h.run('ZMPOP', '1', 'a', 'MIN', 'COUNT', '1', 'COUNT', '1')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX', () => {
  it('remove the members in range, reply with how many, and delete the emptied key', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
    expect(h.run('ZREMRANGEBYRANK', 'z', '-1', '-1')).toBe(1);
    expect(h.run('ZREMRANGEBYSCORE', 'z', '(1', '3')).toBe(2);
    expect(h.run('ZRANGE', 'z', '0', '-1')).toEqual(['a', 'd']);
    expect(h.run('ZREMRANGEBYRANK', 'z', '5', '9')).toBe(0);
    h.run('ZADD', 'lex', '0', 'a', '0', 'b', '0', 'c');
    expect(h.run('ZREMRANGEBYLEX', 'lex', '[b', '+')).toBe(2);
    expect(h.run('ZREMRANGEBYLEX', 'lex', '-', '+')).toBe(1);
    expect(h.run('EXISTS', 'lex')).toBe(0);
  });

  it('parse the range before reading the key', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    expect(h.run('ZREMRANGEBYSCORE', 's', 'x', '1')).toEqual(new ReplyError(Err.scoreRange));
    expect(h.run('ZREMRANGEBYLEX', 's', 'x', '+')).toEqual(new ReplyError(Err.lexRange));
    expect(h.run('ZREMRANGEBYRANK', 's', '0', '1')).toEqual(new ReplyError(Err.wrongType));
  });
});
