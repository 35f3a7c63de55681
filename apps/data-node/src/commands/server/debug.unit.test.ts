import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const ZERO = '0'.repeat(40);

describe('DEBUG DIGEST-VALUE and DIGEST', () => {
  it('gives equal values equal digests whatever their insertion order, and a missing key zeros', () => {
    const a = new CommandHarness();
    const b = new CommandHarness();
    a.run('SADD', 's', 'x', 'y', 'z');
    b.run('SADD', 's', 'z', 'x', 'y');
    a.run('HSET', 'h', 'f1', 'v1', 'f2', 'v2');
    b.run('HSET', 'h', 'f2', 'v2', 'f1', 'v1');
    a.run('RPUSH', 'l', '1', '2');
    b.run('RPUSH', 'l', '1', '2');
    a.run('SET', 'str', 'value');
    b.run('SET', 'str', 'value');
    const keys = ['s', 'h', 'l', 'str', 'missing'];
    const digests = a.run('DEBUG', 'DIGEST-VALUE', ...keys) as string[];
    expect(b.run('DEBUG', 'DIGEST-VALUE', ...keys)).toEqual(digests);
    expect(digests.every((d) => /^[0-9a-f]{40}$/.test(d))).toBe(true);
    expect(digests[4]).toBe(ZERO);
    expect(new Set(digests).size).toBe(5);
    expect(a.run('DEBUG', 'DIGEST')).toBe(b.run('DEBUG', 'DIGEST'));
  });

  it('tells apart different values, list order and value kinds', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'l1', 'a', 'b');
    h.run('RPUSH', 'l2', 'b', 'a');
    h.run('SADD', 's1', 'a', 'b');
    h.run('SET', 'x', '1');
    h.run('SET', 'y', '2');
    const [l1, l2, s1, x, y] = h.run('DEBUG', 'DIGEST-VALUE', 'l1', 'l2', 's1', 'x', 'y') as string[];
    expect(new Set([l1, l2, s1, x, y]).size).toBe(5);
  });

  it('digests the whole dataset with expiries, zeros when empty', () => {
    const h = new CommandHarness();
    expect(h.run('DEBUG', 'DIGEST')).toBe(ZERO);
    h.run('SET', 'k', 'v');
    const plain = h.run('DEBUG', 'DIGEST');
    h.run('EXPIRE', 'k', '100');
    expect(h.run('DEBUG', 'DIGEST')).not.toBe(plain);
  });
});

describe('DEBUG', () => {
  it('describes a key with DEBUG OBJECT and refuses missing keys', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', '12');
    expect(h.run('DEBUG', 'OBJECT', 'k')).toMatch(
      /^Value at:0x0 refcount:1 encoding:int serializedlength:\d+ lru:\d+ lru_seconds_idle:0$/,
    );
    expect(h.run('DEBUG', 'OBJECT', 'nope')).toEqual(new ReplyError('ERR no such key'));
  });

  it('stops and restarts active expiry with SET-ACTIVE-EXPIRE', async () => {
    const h = new CommandHarness();
    expect(h.run('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toBe('OK');
    const { isActiveExpireEnabled } = await import('../../server/active-expire-switch.js');
    expect(isActiveExpireEnabled(h.state)).toBe(false);
    expect(h.run('DEBUG', 'SET-ACTIVE-EXPIRE', '1')).toBe('OK');
    expect(isActiveExpireEnabled(h.state)).toBe(true);
  });

  it('sleeps the whole server for DEBUG SLEEP, zero for a non-number', () => {
    const h = new CommandHarness();
    expect(h.run('DEBUG', 'SLEEP', 'abc')).toBe('OK');
    expect(h.run('DEBUG', 'SLEEP', '0.001')).toBe('OK');
  });

  it('answers unknown subcommands and wrong arities with the DEBUG HELP hint', () => {
    const h = new CommandHarness();
    for (const args of [['nosuch'], ['sleep'], ['object'], ['__proto__'], ['constructor']])
      expect(h.run('DEBUG', ...args)).toEqual(
        new ReplyError(
          `ERR unknown subcommand or wrong number of arguments for '${args[0]}'. Try DEBUG HELP.`,
        ),
      );
    expect((h.run('DEBUG', 'HELP') as string[])[0]).toBe(
      'DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
    );
  });

  it('is refused unless enable-debug-command allows the client', () => {
    const off = new CommandHarness({ config: { 'enable-debug-command': 'no' } });
    expect(off.run('DEBUG', 'HELP')).toEqual(
      new ReplyError(
        'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
      ),
    );
    const local = new CommandHarness({ config: { 'enable-debug-command': 'local' } });
    expect(local.run('DEBUG', 'DIGEST')).toBe(ZERO); // harness clients are 127.0.0.1
  });
});
