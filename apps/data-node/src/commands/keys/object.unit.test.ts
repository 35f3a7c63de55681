import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const LFU_ERROR = new ReplyError(
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when ' +
    'switching between policies at runtime LRU and LFU data will take some time to adjust.',
);

describe('OBJECT ENCODING', () => {
  it('names string encodings as Redis does', () => {
    const h = new CommandHarness();
    const cases: [string, string][] = [
      ['12345', 'int'],
      ['-9223372036854775808', 'int'],
      ['9223372036854775808', 'embstr'],
      ['007', 'embstr'],
      ['x'.repeat(44), 'embstr'],
      ['x'.repeat(45), 'raw'],
    ];
    for (const [value, encoding] of cases) {
      h.run('SET', 'k', value);
      expect(h.run('OBJECT', 'ENCODING', 'k')).toBe(encoding);
    }
  });

  it('asks the collection for its encoding and answers nil for a missing key', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'l', 'a');
    expect(h.run('OBJECT', 'ENCODING', 'l')).toBe('quicklist');
    expect(h.run('OBJECT', 'ENCODING', 'nope')).toBeNull();
  });
});

describe('OBJECT REFCOUNT', () => {
  it('reports shared small integers as Redis does, unless maxmemory uses an LRU policy', () => {
    const h = new CommandHarness();
    h.run('SET', 'small', '9999');
    h.run('SET', 'big', '10000');
    h.run('SET', 'text', 'abc');
    expect(h.run('OBJECT', 'REFCOUNT', 'small')).toBe(2147483647);
    expect(h.run('OBJECT', 'REFCOUNT', 'big')).toBe(1);
    expect(h.run('OBJECT', 'REFCOUNT', 'text')).toBe(1);
    expect(h.run('OBJECT', 'REFCOUNT', 'nope')).toBeNull();
    const lru = new CommandHarness({ config: { maxmemory: '100mb', 'maxmemory-policy': 'allkeys-lru' } });
    lru.run('SET', 'small', '5');
    expect(lru.run('OBJECT', 'REFCOUNT', 'small')).toBe(1);
  });
});

describe('OBJECT IDLETIME', () => {
  it('counts whole seconds since the last access, reads through GET resetting it', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('OBJECT', 'IDLETIME', 'k')).toBe(0);
    h.advance(3999);
    expect(h.run('OBJECT', 'IDLETIME', 'k')).toBe(3);
    h.run('GET', 'k');
    expect(h.run('OBJECT', 'IDLETIME', 'k')).toBe(0);
    expect(h.run('OBJECT', 'IDLETIME', 'nope')).toBeNull();
  });

  it('is refused under an LFU policy', () => {
    const h = new CommandHarness({ config: { 'maxmemory-policy': 'allkeys-lfu' } });
    h.run('SET', 'k', 'v');
    expect(h.run('OBJECT', 'IDLETIME', 'k')).toEqual(
      new ReplyError(
        'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching ' +
          'between policies at runtime LRU and LFU data will take some time to adjust.',
      ),
    );
  });
});

describe('OBJECT FREQ', () => {
  it('is refused unless the policy is LFU, after answering nil for a missing key', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v');
    expect(h.run('OBJECT', 'FREQ', 'nope')).toBeNull();
    expect(h.run('OBJECT', 'FREQ', 'k')).toEqual(LFU_ERROR);
  });

  it('starts new keys at 5 and always counts their first access under LFU', () => {
    const h = new CommandHarness({ config: { 'maxmemory-policy': 'volatile-lfu' } });
    h.run('SET', 'k', 'v');
    expect(h.run('OBJECT', 'FREQ', 'k')).toBe(5);
    h.run('GET', 'k');
    expect(h.run('OBJECT', 'FREQ', 'k')).toBe(6);
  });
});

describe('OBJECT HELP and errors', () => {
  it('lists the subcommands and rejects unknown ones', () => {
    const h = new CommandHarness();
    const help = h.run('OBJECT', 'HELP') as string[];
    expect(help[0]).toBe('OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    expect(help).toHaveLength(15);
    expect(h.run('OBJECT', 'SIZE', 'k')).toEqual(
      new ReplyError("ERR unknown subcommand 'SIZE'. Try OBJECT HELP."),
    );
    expect(h.run('OBJECT', 'ENCODING')).toEqual(
      new ReplyError("ERR wrong number of arguments for 'object|encoding' command"),
    );
  });
});

describe('MEMORY USAGE', () => {
  it('grows with the value and answers nil for a missing key', () => {
    const h = new CommandHarness();
    h.run('SET', 'small', 'x');
    h.run('SET', 'large', 'x'.repeat(1000));
    const small = h.run('MEMORY', 'USAGE', 'small') as number;
    const large = h.run('MEMORY', 'USAGE', 'large', 'SAMPLES', '0') as number;
    expect(small).toBeGreaterThan(1);
    expect(large - small).toBe(999);
    expect(h.run('MEMORY', 'USAGE', 'nope')).toBeNull();
  });

  it('sums to the keyspace estimate that maxmemory compares', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'v');
    h.run('RPUSH', 'l', 'a', 'b', 'c');
    const total = (h.run('MEMORY', 'USAGE', 'a') as number) + (h.run('MEMORY', 'USAGE', 'l') as number);
    expect(total).toBe(h.state.db.usedBytes);
  });

  it('checks SAMPLES like Redis', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'v');
    expect(h.run('MEMORY', 'USAGE', 'a', 'SAMPLES', '-1')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('MEMORY', 'USAGE', 'a', 'SAMPLES', 'x')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
    expect(h.run('MEMORY', 'USAGE', 'a', 'SAMPLES')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('MEMORY', 'USAGE', 'a', 'COUNT', '1')).toEqual(new ReplyError('ERR syntax error'));
    expect((h.run('MEMORY', 'HELP') as string[])[0]).toBe(
      'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
    );
  });
});
