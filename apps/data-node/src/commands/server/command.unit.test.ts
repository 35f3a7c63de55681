import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('COMMAND', () => {
  it('describes every top-level command, as many as COMMAND COUNT', () => {
    const h = new CommandHarness();
    const all = h.run('COMMAND') as unknown[][];
    expect(all).toHaveLength(h.run('COMMAND', 'COUNT') as number);
    const names = all.map((entry) => entry[0]);
    expect(names).toContain('get');
    expect(names).toContain('client');
    expect(names.every((name) => typeof name === 'string' && !String(name).includes('|'))).toBe(true);
  });

  it("answers COMMAND INFO entries in Redis's ten-field shape, subcommands nested", () => {
    const h = new CommandHarness();
    expect(h.run('COMMAND', 'INFO', 'get')).toEqual([
      ['get', 2, ['readonly', 'fast'], 1, 1, 1, ['@read', '@string', '@fast'], [], [], []],
    ]);
    const [config] = h.run('COMMAND', 'INFO', 'CONFIG') as unknown[][];
    expect(config?.slice(0, 7)).toEqual(['config', -2, [], 0, 0, 0, ['@slow']]);
    const subcommands = config?.[9] as unknown[][];
    expect(subcommands.map((sub) => sub[0])).toContain('config|get');
    expect(h.run('COMMAND', 'INFO', 'client|kill')).toEqual([
      [
        'client|kill',
        -3,
        ['admin', 'noscript', 'loading', 'stale'],
        0,
        0,
        0,
        ['@admin', '@slow', '@dangerous', '@connection'],
        [],
        [],
        [],
      ],
    ]);
  });

  it('answers a null for unknown names and every command when none is named', () => {
    const h = new CommandHarness();
    expect(h.run('COMMAND', 'INFO', 'nosuch', 'ping')).toEqual([
      null,
      ['ping', -1, ['fast'], 0, 0, 0, ['@fast', '@connection'], [], [], []],
    ]);
    expect((h.run('COMMAND', 'INFO') as unknown[]).length).toBe(h.run('COMMAND', 'COUNT'));
  });

  it('frames flags and categories as RESP3 sets, byte for byte like redis-server', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    expect(h.client.raw('COMMAND', 'INFO', 'echo')).toBe(
      '*1\r\n*10\r\n$4\r\necho\r\n:2\r\n~3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n~2\r\n+@fast\r\n+@connection\r\n~0\r\n~0\r\n~0\r\n',
    );
  });

  it('answers COMMAND DOCS as a map of summaries, leaving unknown names out', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    const docs = h.run('COMMAND', 'DOCS', 'config', 'nosuch') as Map<string, Map<string, unknown>>;
    expect([...docs.keys()]).toEqual(['config']);
    const config = docs.get('config') as Map<string, unknown>;
    expect(config.get('group')).toBe('server');
    expect([...(config.get('subcommands') as Map<string, unknown>).keys()]).toContain('config|set');
  });

  it('extracts keys with COMMAND GETKEYS, with Redis texts for commands it cannot', () => {
    const h = new CommandHarness();
    expect(h.run('COMMAND', 'GETKEYS', 'MSET', 'a', '1', 'b', '2')).toEqual(['a', 'b']);
    expect(h.run('COMMAND', 'GETKEYS', 'get', 'k')).toEqual(['k']);
    expect(h.run('COMMAND', 'GETKEYS', 'nosuch', 'k')).toEqual(
      new ReplyError('ERR Invalid command specified'),
    );
    expect(h.run('COMMAND', 'GETKEYS', 'client', 'foo')).toEqual(
      new ReplyError('ERR Invalid command specified'),
    );
    expect(h.run('COMMAND', 'GETKEYS', 'ping', 'x')).toEqual(
      new ReplyError('ERR The command has no key arguments'),
    );
    expect(h.run('COMMAND', 'GETKEYS', 'config', 'get', 'x')).toEqual(
      new ReplyError('ERR The command has no key arguments'),
    );
    expect(h.run('COMMAND', 'GETKEYS', 'get', 'a', 'b')).toEqual(
      new ReplyError('ERR Invalid number of arguments specified for command'),
    );
  });

  it('lists names with subcommands, filtered by pattern, ACL category or module', () => {
    const h = new CommandHarness();
    const all = h.run('COMMAND', 'LIST') as string[];
    expect(all).toContain('client|list');
    expect(all.length).toBeGreaterThan(h.run('COMMAND', 'COUNT') as number);
    expect(h.run('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'slowlog*')).toEqual([
      'slowlog',
      'slowlog|get',
      'slowlog|len',
      'slowlog|reset',
      'slowlog|help',
    ]);
    const connection = h.run('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'connection') as string[];
    expect(connection).toEqual(expect.arrayContaining(['hello', 'auth', 'client|id', 'command|info']));
    expect(connection).not.toContain('get');
    expect(h.run('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch')).toEqual([]);
    expect(h.run('COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x')).toEqual([]);
    expect(h.run('COMMAND', 'LIST', 'FILTERBY', 'PATTERN')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('COMMAND', 'LIST', 'FILTERBY', 'NAME', 'x')).toEqual(new ReplyError('ERR syntax error'));
  });
});
