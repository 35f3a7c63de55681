import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const WRONGPASS = new ReplyError('WRONGPASS invalid username-password pair or user is disabled.');

describe('AUTH', () => {
  it('refuses commands before AUTH and accepts them after the right password', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    expect(h.run('GET', 'k')).toEqual(new ReplyError('NOAUTH Authentication required.'));
    expect(h.run('AUTH', 'nope')).toEqual(WRONGPASS);
    expect(h.run('GET', 'k')).toEqual(new ReplyError('NOAUTH Authentication required.'));
    expect(h.run('AUTH', 's3cret')).toBe('OK');
    expect(h.run('GET', 'k')).toBeNull();
  });

  it('accepts the default user by name and refuses any other user', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    expect(h.run('AUTH', 'alice', 's3cret')).toEqual(WRONGPASS);
    expect(h.run('AUTH', 'default', 's3cret')).toBe('OK');
  });

  it('keeps a client authenticated after a later failed AUTH', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    h.run('AUTH', 's3cret');
    expect(h.run('AUTH', 'wrong')).toEqual(WRONGPASS);
    expect(h.run('PING')).toBe('PONG');
  });

  it("answers Redis's hint when no password is configured, yet accepts the default user's any password", () => {
    const h = new CommandHarness();
    expect(h.run('AUTH', 'x')).toEqual(
      new ReplyError(
        'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      ),
    );
    expect(h.run('AUTH', 'default', 'anything')).toBe('OK');
    expect(h.run('AUTH', 'other', 'anything')).toEqual(WRONGPASS);
  });

  it('rejects more than two arguments as a syntax error', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    expect(h.run('AUTH', 'a', 'b', 'c')).toEqual(new ReplyError('ERR syntax error'));
  });

  it('keeps passwords out of the slow log', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret', 'slowlog-log-slower-than': '0' } });
    h.run('AUTH', 'default', 's3cret');
    const [entry] = h.run('SLOWLOG', 'GET', '1') as [unknown[]];
    expect(entry[3]).toEqual(['AUTH', '(redacted)', '(redacted)']);
  });
});
