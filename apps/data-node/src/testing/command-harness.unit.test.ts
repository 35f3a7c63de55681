import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from './command-harness.js';

describe('CommandHarness', () => {
  it('runs a command through the dispatcher and decodes its reply', () => {
    const h = new CommandHarness();
    expect(h.run('SET', 'k', 'v')).toBe('OK');
    expect(h.run('GET', 'k')).toBe('v');
    expect(h.run('GET', 'missing')).toBeNull();
  });

  it('returns errors as ReplyError with Redis text', () => {
    const h = new CommandHarness();
    expect(h.run('GET')).toEqual(new ReplyError("ERR wrong number of arguments for 'get' command"));
  });

  it('expires keys lazily when the fake clock passes their TTL', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'PX', '100');
    h.advance(99);
    expect(h.run('GET', 'k')).toBe('v');
    h.advance(1);
    expect(h.run('GET', 'k')).toBeNull();
  });

  it('keeps binary values byte for byte', () => {
    const h = new CommandHarness();
    const value = Buffer.from([0, 13, 10, 255, 128]);
    h.run('SET', 'bin', value);
    expect(Buffer.from(h.run('GET', 'bin') as string, 'latin1')).toEqual(value);
  });
});
