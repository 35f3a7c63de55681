import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError, type Reply } from '../../testing/command-harness.js';
import { parseScanCursor } from '../scan-cursor.js';

/** Runs SCAN to completion and returns every key it produced (with repeats) and the number of calls. */
function scanAll(h: CommandHarness, ...options: string[]): { keys: string[]; calls: number } {
  const keys: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const [next, page] = h.run('SCAN', cursor, ...options) as [string, string[]];
    keys.push(...page);
    cursor = next;
    calls++;
  } while (cursor !== '0');
  return { keys, calls };
}

describe('KEYS', () => {
  it('returns the keys matching a glob pattern', () => {
    const h = new CommandHarness();
    for (const key of ['hello', 'hallo', 'hxllo', 'heeeello', 'world']) h.run('SET', key, '1');
    expect((h.run('KEYS', 'h?llo') as string[]).sort()).toEqual(['hallo', 'hello', 'hxllo']);
    expect((h.run('KEYS', 'h[ae]llo') as string[]).sort()).toEqual(['hallo', 'hello']);
    expect((h.run('KEYS', 'h*llo') as string[]).sort()).toEqual(['hallo', 'heeeello', 'hello', 'hxllo']);
    expect((h.run('KEYS', '*') as string[]).length).toBe(5);
    expect(h.run('KEYS', 'nothing*')).toEqual([]);
  });

  it('matches the empty key with a bare * only, like Redis', () => {
    const h = new CommandHarness();
    h.run('SET', '', 'v');
    expect(h.run('KEYS', '*')).toEqual(['']);
    expect(h.run('KEYS', '**')).toEqual([]);
  });

  it('skips keys whose TTL has passed', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'PX', '5');
    h.run('SET', 'b', '1');
    h.advance(5);
    expect(h.run('KEYS', '*')).toEqual(['b']);
  });
});

describe('SCAN', () => {
  it('returns every key exactly once over a full iteration', () => {
    const h = new CommandHarness();
    const all = Array.from({ length: 500 }, (_, i) => `key:${i}`);
    for (const key of all) h.run('SET', key, '1');
    const { keys, calls } = scanAll(h, 'COUNT', '20');
    expect(keys.sort()).toEqual([...all].sort());
    expect(calls).toBeGreaterThan(1);
  });

  it('returns every key present for the whole iteration despite concurrent writes', () => {
    const h = new CommandHarness();
    for (let i = 0; i < 300; i++) h.run('SET', `stable:${i}`, '1');
    const seen = new Set<string>();
    let cursor = '0';
    let round = 0;
    do {
      const [next, page] = h.run('SCAN', cursor, 'COUNT', '10') as [string, string[]];
      for (const key of page) seen.add(key);
      h.run('SET', `new:${round}`, '1');
      h.run('DEL', `new:${round - 1}`);
      cursor = next;
      round++;
    } while (cursor !== '0');
    for (let i = 0; i < 300; i++) expect(seen.has(`stable:${i}`)).toBe(true);
  });

  it('filters by MATCH and TYPE', () => {
    const h = new CommandHarness();
    h.run('SET', 'user:1', 'a');
    h.run('SET', 'user:2', 'b');
    h.run('RPUSH', 'user:list', 'x');
    h.run('SET', 'other', 'c');
    expect(scanAll(h, 'MATCH', 'user:*').keys.sort()).toEqual(['user:1', 'user:2', 'user:list']);
    expect(scanAll(h, 'MATCH', 'user:*', 'TYPE', 'LIST').keys).toEqual(['user:list']);
    expect(scanAll(h, 'TYPE', 'string').keys.sort()).toEqual(['other', 'user:1', 'user:2']);
    expect(scanAll(h, 'TYPE', 'stream').keys).toEqual([]);
  });

  it('skips and deletes keys whose TTL has passed', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1', 'PX', '5');
    h.run('SET', 'b', '1');
    h.advance(5);
    expect(scanAll(h).keys).toEqual(['b']);
    expect(h.run('DBSIZE')).toBe(1);
  });

  it('refuses bad cursors, counts and options with Redis texts', () => {
    const h = new CommandHarness();
    const cases: [string[], Reply][] = [
      [['SCAN', 'abc'], new ReplyError('ERR invalid cursor')],
      [['SCAN', ' 0'], new ReplyError('ERR invalid cursor')],
      [['SCAN', '18446744073709551616'], new ReplyError('ERR invalid cursor')],
      [['SCAN', '0', 'COUNT', '0'], new ReplyError('ERR syntax error')],
      [['SCAN', '0', 'COUNT', 'x'], new ReplyError('ERR value is not an integer or out of range')],
      [['SCAN', '0', 'MATCH'], new ReplyError('ERR syntax error')],
      [['SCAN', '0', 'LIMIT', '5'], new ReplyError('ERR syntax error')],
    ];
    for (const [command, reply] of cases) expect(h.run(...command)).toEqual(reply);
  });

  it('ends at once for a cursor past the last slot', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', '1');
    expect(h.run('SCAN', '18446744073709551615')).toEqual(['0', []]);
  });
});

describe('parseScanCursor', () => {
  it('reads cursors as C strtoul does', () => {
    expect(parseScanCursor('0')).toBe(0);
    expect(parseScanCursor('')).toBe(0);
    expect(parseScanCursor('+12')).toBe(12);
    expect(parseScanCursor('007')).toBe(7);
    expect(parseScanCursor('-0')).toBe(0);
    expect(parseScanCursor('-1')).toBe(2 ** 64 - 1);
    expect(parseScanCursor('5\0junk')).toBe(5);
    for (const bad of ['-', '+', ' 1', '1 ', '0x10', '1.0', '18446744073709551616']) {
      expect(parseScanCursor(bad)).toBeNull();
    }
  });
});
