import { beforeEach, describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

let h: CommandHarness;

beforeEach(() => {
  h = new CommandHarness();
  h.run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
  h.run('ZADD', 'lex', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
});

describe('ZRANGE by rank', () => {
  it('clamps ranges and counts negative ranks from the end', () => {
    expect(h.run('ZRANGE', 'z', '1', '2')).toEqual(['b', 'c']);
    expect(h.run('ZRANGE', 'z', '-2', '-1')).toEqual(['d', 'e']);
    expect(h.run('ZRANGE', 'z', '-100', '100')).toHaveLength(5);
    expect(h.run('ZRANGE', 'z', '3', '1')).toEqual([]);
    expect(h.run('ZRANGE', 'z', '5', '10')).toEqual([]);
    expect(h.run('ZRANGE', 'z', '-9223372036854775808', '9223372036854775807')).toHaveLength(5);
  });

  it('walks from the highest score with REV and in ZREVRANGE', () => {
    expect(h.run('ZRANGE', 'z', '0', '1', 'REV', 'WITHSCORES')).toEqual(['e', '5', 'd', '4']);
    expect(h.run('ZREVRANGE', 'z', '-1', '-1')).toEqual(['a']);
  });

  it('refuses LIMIT without BYSCORE or BYLEX, unless it is the default count of -1', () => {
    expect(h.run('ZRANGE', 'z', '0', '-1', 'LIMIT', '0', '1')).toEqual(new ReplyError(Err.zrangeLimit));
    expect(h.run('ZRANGE', 'z', '0', '-1', 'LIMIT', '1', '-1')).toHaveLength(5);
    expect(h.run('ZREVRANGE', 'z', '0', '-1', 'LIMIT', '0', '1')).toEqual(new ReplyError(Err.zrangeLimit));
  });

  it('checks options before the range and the range before the key', () => {
    h.run('SET', 's', 'v');
    expect(h.run('ZRANGE', 's', 'x', '1', 'foo')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('ZRANGE', 's', 'x', '1')).toEqual(new ReplyError(Err.notInteger));
    expect(h.run('ZRANGE', 's', '0', '1')).toEqual(new ReplyError(Err.wrongType));
    expect(h.run('ZRANGE', 'missing', '0', '1')).toEqual([]);
    expect(h.run('ZRANGEBYSCORE', 'z', '1', '2', 'REV')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('ZRANGE by score', () => {
  it('honours exclusive ends and infinities', () => {
    expect(h.run('ZRANGEBYSCORE', 'z', '(1', '3')).toEqual(['b', 'c']);
    expect(h.run('ZRANGEBYSCORE', 'z', '1', '(3')).toEqual(['a', 'b']);
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf')).toHaveLength(5);
    expect(h.run('ZRANGEBYSCORE', 'z', '(3', '3')).toEqual([]);
    expect(h.run('ZRANGE', 'z', '(4', '+inf', 'BYSCORE', 'WITHSCORES')).toEqual(['e', '5']);
  });

  it('skips offset members and takes count of them, all with a negative count, none with a negative offset', () => {
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '1', '2')).toEqual(['b', 'c']);
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '3', '-1')).toEqual(['d', 'e']);
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '-1', '2')).toEqual([]);
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '0', '0')).toEqual([]);
    expect(h.run('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '9', '1')).toEqual([]);
  });

  it('takes max first when reversed', () => {
    expect(h.run('ZREVRANGEBYSCORE', 'z', '4', '(2')).toEqual(['d', 'c']);
    expect(h.run('ZRANGE', 'z', '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '1', '2')).toEqual(['d', 'c']);
    expect(h.run('ZREVRANGEBYSCORE', 'z', '2', '4')).toEqual([]);
  });

  it('reads range items the way strtod does', () => {
    expect(h.run('ZRANGEBYSCORE', 'z', ' 2', '3')).toEqual(['b', 'c']);
    expect(h.run('ZRANGEBYSCORE', 'z', '1e400', '-1e400')).toEqual([]);
    expect(h.run('ZRANGEBYSCORE', 'z', '0x1', '0x2')).toEqual(['a', 'b']);
    expect(h.run('ZRANGEBYSCORE', 'z', 'nan', '2')).toEqual(new ReplyError(Err.scoreRange));
    expect(h.run('ZRANGEBYSCORE', 'z', '2 ', '3')).toEqual(new ReplyError(Err.scoreRange));
  });
});

describe('ZRANGE by lex', () => {
  it('takes [ and ( items and the - and + edges', () => {
    expect(h.run('ZRANGEBYLEX', 'lex', '[b', '(d')).toEqual(['b', 'c']);
    expect(h.run('ZRANGEBYLEX', 'lex', '-', '[a')).toEqual(['a']);
    expect(h.run('ZRANGEBYLEX', 'lex', '(c', '+')).toEqual(['d']);
    expect(h.run('ZRANGEBYLEX', 'lex', '+', '-')).toEqual([]);
    expect(h.run('ZREVRANGEBYLEX', 'lex', '+', '-', 'LIMIT', '1', '2')).toEqual(['c', 'b']);
    expect(h.run('ZRANGE', 'lex', '[c', '[a', 'BYLEX', 'REV')).toEqual(['c', 'b', 'a']);
  });

  it('refuses items without a prefix and WITHSCORES', () => {
    expect(h.run('ZRANGEBYLEX', 'lex', 'b', '+')).toEqual(new ReplyError(Err.lexRange));
    expect(h.run('ZRANGEBYLEX', 'lex', '+b', '+')).toEqual(new ReplyError(Err.lexRange));
    expect(h.run('ZRANGE', 'lex', '-', '+', 'BYLEX', 'WITHSCORES')).toEqual(
      new ReplyError(Err.zrangeWithscoresBylex),
    );
  });
});

describe('ZRANGESTORE', () => {
  it('stores the selection, replacing the destination whatever its type', () => {
    h.run('SET', 'dst', 'v');
    expect(h.run('ZRANGESTORE', 'dst', 'z', '(1', '3', 'BYSCORE')).toBe(2);
    expect(h.run('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['b', '2', 'c', '3']);
  });

  it('deletes the destination when the selection is empty or the source is missing', () => {
    h.run('ZADD', 'dst', '1', 'x');
    expect(h.run('ZRANGESTORE', 'dst', 'z', '10', '20')).toBe(0);
    expect(h.run('EXISTS', 'dst')).toBe(0);
    h.run('ZADD', 'dst', '1', 'x');
    expect(h.run('ZRANGESTORE', 'dst', 'missing', '0', '-1')).toBe(0);
    expect(h.run('EXISTS', 'dst')).toBe(0);
  });

  it('creates a rank selection larger than zset-max-listpack-entries as a skiplist, as Redis sizes it first', () => {
    const small = new CommandHarness({ config: { 'zset-max-listpack-entries': '2' } });
    small.run('ZADD', 'src', '1', 'a', '2', 'b', '3', 'c');
    small.run('ZADD', 'src', '-0', 'd');
    small.run('ZRANGESTORE', 'byrank', 'src', '0', '2');
    small.run('ZRANGESTORE', 'byscore', 'src', '-inf', '+inf', 'BYSCORE');
    expect(small.run('OBJECT', 'ENCODING', 'byrank')).toBe('skiplist');
    expect(small.run('ZSCORE', 'byrank', 'd')).toBe('-0');
    expect(small.run('ZSCORE', 'byscore', 'd')).toBe('0');
  });

  it('does not take WITHSCORES', () => {
    expect(h.run('ZRANGESTORE', 'dst', 'z', '0', '-1', 'WITHSCORES')).toEqual(new ReplyError(Err.syntax));
  });
});

describe('WITHSCORES replies', () => {
  it('are flat in RESP2 and nest [member, score] pairs with doubles in RESP3', () => {
    expect(h.client.raw('ZRANGE', 'z', '0', '0', 'WITHSCORES')).toBe('*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    h.run('HELLO', '3');
    expect(h.client.raw('ZRANGE', 'z', '0', '1', 'WITHSCORES')).toBe(
      '*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n',
    );
    expect(h.client.raw('ZRANGE', 'z', '0', '0')).toBe('*1\r\n$1\r\na\r\n');
  });
});

describe('ZCOUNT and ZLEXCOUNT', () => {
  it('count the members in a range', () => {
    expect(h.run('ZCOUNT', 'z', '(1', '4')).toBe(3);
    expect(h.run('ZCOUNT', 'z', '4', '1')).toBe(0);
    expect(h.run('ZCOUNT', 'missing', '0', '1')).toBe(0);
    expect(h.run('ZLEXCOUNT', 'lex', '(a', '[c')).toBe(2);
    expect(h.run('ZLEXCOUNT', 'lex', '-', '+')).toBe(4);
    expect(h.run('ZCOUNT', 'z', 'x', '1')).toEqual(new ReplyError(Err.scoreRange));
  });
});
