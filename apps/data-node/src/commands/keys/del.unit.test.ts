import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('DEL and UNLINK', () => {
  it('delete every named key and count the ones that existed', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    h.run('SET', 'b', '2');
    h.run('RPUSH', 'l', 'x');
    expect(h.run('DEL', 'a', 'missing', 'l')).toBe(2);
    expect(h.run('UNLINK', 'b', 'b')).toBe(1);
    expect(h.run('DBSIZE')).toBe(0);
  });

  it('count a key whose TTL has passed as absent', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'PX', '10');
    h.advance(10);
    expect(h.run('DEL', 'a')).toBe(0);
  });

  it('need at least one key', () => {
    const h = new CommandHarness();
    expect(h.run('DEL')).toEqual(new ReplyError("ERR wrong number of arguments for 'del' command"));
  });
});

describe('EXISTS and TOUCH', () => {
  it('count existing keys, repeated names each time', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    expect(h.run('EXISTS', 'a', 'a', 'b')).toBe(2);
    expect(h.run('TOUCH', 'a', 'b', 'a')).toBe(2);
  });

  it('EXISTS leaves the idle time alone while TOUCH resets it', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    expect(h.run('OBJECT', 'IDLETIME', 'a')).toBe(0);
    h.advance(5000);
    h.run('EXISTS', 'a');
    expect(h.run('OBJECT', 'IDLETIME', 'a')).toBe(5);
    h.run('TOUCH', 'a');
    expect(h.run('OBJECT', 'IDLETIME', 'a')).toBe(0);
  });
});

describe('TYPE', () => {
  it('names the type of the value, none for a missing key', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    h.run('RPUSH', 'l', 'v');
    expect(h.run('TYPE', 's')).toBe('string');
    expect(h.run('TYPE', 'l')).toBe('list');
    expect(h.run('TYPE', 'nope')).toBe('none');
  });
});

describe('DBSIZE, FLUSHALL and FLUSHDB', () => {
  it('count keys and empty the keyspace in every mode', () => {
    const h = new CommandHarness();
    for (const mode of [[], ['ASYNC'], ['sync']]) {
      h.run('SET', 'a', '1');
      h.run('SET', 'b', '1');
      expect(h.run('DBSIZE')).toBe(2);
      expect(h.run('FLUSHALL', ...mode)).toBe('OK');
      expect(h.run('DBSIZE')).toBe(0);
      h.run('SET', 'c', '1');
      expect(h.run('FLUSHDB', ...mode)).toBe('OK');
      expect(h.run('DBSIZE')).toBe(0);
    }
  });

  it('refuse unknown modes and extra arguments', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    expect(h.run('FLUSHALL', 'LATER')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('FLUSHDB', 'SYNC', 'ASYNC')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('DBSIZE')).toBe(1);
  });

  it('FLUSHALL aborts transactions watching any key', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    h.run('WATCH', 'a');
    h.newClient().run('FLUSHALL');
    h.run('MULTI');
    h.run('SET', 'a', '2');
    expect(h.run('EXEC')).toBeNull();
  });
});

describe('RANDOMKEY', () => {
  it('returns nil on an empty keyspace and some existing key otherwise', () => {
    const h = new CommandHarness();
    expect(h.run('RANDOMKEY')).toBeNull();
    h.run('SET', 'a', '1');
    h.run('SET', 'b', '1');
    for (let i = 0; i < 20; i++) expect(['a', 'b']).toContain(h.run('RANDOMKEY'));
  });

  it('never returns a key whose TTL has passed', () => {
    const h = new CommandHarness();
    for (let i = 0; i < 20; i++) h.run('SET', `gone${i}`, '1', 'PX', '5');
    h.run('SET', 'kept', '1');
    h.advance(5);
    expect(h.run('RANDOMKEY')).toBe('kept');
  });

  it('returns nil when every key has expired', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'PX', '5');
    h.advance(5);
    expect(h.run('RANDOMKEY')).toBeNull();
  });
});
