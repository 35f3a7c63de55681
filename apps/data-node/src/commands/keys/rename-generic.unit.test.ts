import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('RENAME', () => {
  it('moves the value and its TTL, replacing the destination and its TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'EX', '100');
    h.run('SET', 'b', '2', 'EX', '5');
    expect(h.run('RENAME', 'a', 'b')).toBe('OK');
    expect(h.run('GET', 'b')).toBe('1');
    expect(h.run('TTL', 'b')).toBe(100);
    expect(h.run('EXISTS', 'a')).toBe(0);
    expect(h.run('DBSIZE')).toBe(1);
  });

  it('moves collections and leaves the destination without TTL when the source had none', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'l', 'x', 'y');
    h.run('SET', 'd', 'v', 'EX', '5');
    h.run('RENAME', 'l', 'd');
    expect(h.run('LRANGE', 'd', '0', '-1')).toEqual(['x', 'y']);
    expect(h.run('TTL', 'd')).toBe(-1);
  });

  it('fails with no such key for a missing or expired source, even renamed to itself', () => {
    const h = new CommandHarness();
    expect(h.run('RENAME', 'a', 'b')).toEqual(new ReplyError('ERR no such key'));
    expect(h.run('RENAME', 'a', 'a')).toEqual(new ReplyError('ERR no such key'));
    h.run('SET', 'e', '1', 'PX', '5');
    h.advance(5);
    expect(h.run('RENAMENX', 'e', 'f')).toEqual(new ReplyError('ERR no such key'));
  });

  it('renames a key to itself without touching it', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'EX', '50');
    expect(h.run('RENAME', 'a', 'a')).toBe('OK');
    expect(h.run('RENAMENX', 'a', 'a')).toBe(0);
    expect(h.run('TTL', 'a')).toBe(50);
  });

  it('wakes a client blocked on the destination', () => {
    const h = new CommandHarness();
    const blocked = h.newClient();
    expect(blocked.runAll('BLPOP', 'dst', '0')).toEqual([]);
    h.run('RPUSH', 'src', 'x');
    h.run('RENAME', 'src', 'dst');
    expect(blocked.replies()).toEqual([['dst', 'x']]);
  });
});

describe('RENAMENX', () => {
  it('renames only when the destination does not exist', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    h.run('SET', 'b', '2');
    expect(h.run('RENAMENX', 'a', 'b')).toBe(0);
    expect(h.run('GET', 'b')).toBe('2');
    expect(h.run('RENAMENX', 'a', 'c')).toBe(1);
    expect(h.run('GET', 'c')).toBe('1');
  });
});

describe('COPY', () => {
  it('copies a string with its TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'v', 'EX', '100');
    expect(h.run('COPY', 'a', 'b')).toBe(1);
    expect(h.run('GET', 'b')).toBe('v');
    expect(h.run('TTL', 'b')).toBe(100);
    expect(h.run('GET', 'a')).toBe('v');
  });

  it('makes an independent copy of a collection', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'l', 'x');
    expect(h.run('COPY', 'l', 'm')).toBe(1);
    h.run('RPUSH', 'm', 'y');
    expect(h.run('LRANGE', 'l', '0', '-1')).toEqual(['x']);
    expect(h.run('LRANGE', 'm', '0', '-1')).toEqual(['x', 'y']);
  });

  it('replies 0 for a missing source or an existing destination unless REPLACE', () => {
    const h = new CommandHarness();
    expect(h.run('COPY', 'nope', 'b')).toBe(0);
    h.run('SET', 'a', '1');
    h.run('SET', 'b', '2', 'EX', '9');
    expect(h.run('COPY', 'a', 'b')).toBe(0);
    expect(h.run('GET', 'b')).toBe('2');
    expect(h.run('COPY', 'a', 'b', 'replace')).toBe(1);
    expect(h.run('GET', 'b')).toBe('1');
    expect(h.run('TTL', 'b')).toBe(-1);
  });

  it('accepts DB 0 only and refuses bad options with Redis texts', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    expect(h.run('COPY', 'a', 'b', 'DB', '0')).toBe(1);
    expect(h.run('COPY', 'a', 'c', 'DB', '1')).toEqual(new ReplyError('ERR DB index is out of range'));
    expect(h.run('COPY', 'a', 'c', 'DB', '-1')).toEqual(new ReplyError('ERR DB index is out of range'));
    expect(h.run('COPY', 'a', 'c', 'DB', 'x')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.run('COPY', 'a', 'c', 'DB', '2147483648')).toEqual(
      new ReplyError('ERR value is out of range, value must between -2147483648 and 2147483647'),
    );
    expect(h.run('COPY', 'a', 'c', 'DB')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('COPY', 'a', 'c', 'NOW')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('COPY', 'a', 'a')).toEqual(
      new ReplyError('ERR source and destination objects are the same'),
    );
    expect(h.run('EXISTS', 'c')).toBe(0);
  });

  it('refuses other databases in cluster mode with Redis texts', () => {
    const h = new CommandHarness({ config: { 'cluster-enabled': 'yes' } });
    h.run('SET', 'a', '1');
    expect(h.run('COPY', 'a', 'b', 'DB', '1')).toEqual(
      new ReplyError('ERR Copying to another database is not allowed in cluster mode'),
    );
    expect(h.run('COPY', 'a', 'b', 'DB', '16')).toEqual(new ReplyError('ERR DB index is out of range'));
    expect(h.run('COPY', 'a', 'b', 'DB', '0')).toBe(1);
  });
});
