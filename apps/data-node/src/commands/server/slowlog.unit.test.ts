import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

type Entry = [number, number, number, string[], string, string];

describe('SLOWLOG', () => {
  it('records commands at least as slow as slowlog-log-slower-than, newest first', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('CLIENT', 'SETNAME', 'app');
    h.run('SET', 'k', 'v');
    const [newest, older] = h.run('SLOWLOG', 'GET', '2') as Entry[];
    expect(newest?.[0]).toBeGreaterThan(older?.[0] as number);
    expect(newest?.[1]).toBe(Math.floor(h.now / 1000));
    expect(newest?.[3]).toEqual(['SET', 'k', 'v']);
    expect(newest?.[4]).toBe(h.client.state.addr);
    expect(newest?.[5]).toBe('app');
  });

  it('records nothing when disabled with -1', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '-1' } });
    h.run('PING');
    expect(h.run('SLOWLOG', 'LEN')).toBe(0);
  });

  it('keeps at most slowlog-max-len entries and trims on CONFIG SET', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0', 'slowlog-max-len': '3' } });
    for (let i = 0; i < 10; i++) h.run('PING');
    expect(h.run('SLOWLOG', 'LEN')).toBe(3);
    h.run('CONFIG', 'SET', 'slowlog-max-len', '1');
    expect(h.run('SLOWLOG', 'LEN')).toBe(1);
  });

  it('trims long arguments to 128 bytes and long commands to 32 arguments', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('SET', 'k', 'x'.repeat(200));
    const [set] = h.run('SLOWLOG', 'GET', '1') as Entry[];
    expect(set?.[3][2]).toBe(`${'x'.repeat(128)}... (72 more bytes)`);
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    h.run('DEL', ...keys);
    const [del] = h.run('SLOWLOG', 'GET', '1') as Entry[];
    expect(del?.[3]).toHaveLength(32);
    expect(del?.[3][30]).toBe('k29');
    expect(del?.[3][31]).toBe('... (10 more arguments)');
  });

  it('skips EXEC itself but records the commands it ran', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('SLOWLOG', 'RESET');
    h.run('MULTI');
    h.run('INCR', 'n');
    h.run('EXEC');
    const names = (h.run('SLOWLOG', 'GET', '-1') as Entry[]).map((entry) => entry[3][0]);
    expect(names).toContain('INCR');
    expect(names).not.toContain('EXEC');
  });

  it('answers GET counts and resets like Redis', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('PING');
    h.run('PING');
    expect(h.run('SLOWLOG', 'GET', '0')).toEqual([]);
    expect((h.run('SLOWLOG', 'GET', '-1') as Entry[]).length).toBeGreaterThanOrEqual(2);
    expect(h.run('SLOWLOG', 'GET', '-2')).toEqual(
      new ReplyError('ERR count should be greater than or equal to -1'),
    );
    expect(h.run('SLOWLOG', 'GET', 'abc')).toEqual(
      new ReplyError('ERR count should be greater than or equal to -1'),
    );
    expect(h.run('SLOWLOG', 'GET', '1', '2')).toEqual(
      new ReplyError("ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP."),
    );
    expect(h.run('SLOWLOG', 'RESET')).toBe('OK');
    // As in Redis, the RESET itself is recorded once it has run.
    expect(h.run('SLOWLOG', 'GET')).toEqual([
      [
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        ['SLOWLOG', 'RESET'],
        h.client.state.addr,
        '',
      ],
    ]);
  });
});
