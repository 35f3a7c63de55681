import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

const identity = (proto: number, id: number) =>
  new Map<unknown, unknown>([
    ['server', 'redis'],
    ['version', '7.0.15'],
    ['proto', proto],
    ['id', id],
    ['mode', 'standalone'],
    ['role', 'master'],
    ['modules', []],
  ]);

describe('HELLO', () => {
  it('switches to RESP3 and answers the identity map in the new protocol', () => {
    const h = new CommandHarness();
    expect(h.client.raw('HELLO', '3').startsWith('%7\r\n$6\r\nserver\r\n')).toBe(true);
    expect(h.client.state.protocol).toBe(3);
    expect(h.run('HELLO')).toEqual(identity(3, h.client.state.id));
  });

  it('answers RESP2 with a flat array and keeps the protocol without a version', () => {
    const h = new CommandHarness();
    expect(h.run('HELLO', '2')).toEqual([...identity(2, h.client.state.id)].flat());
    expect(h.client.state.protocol).toBe(2);
  });

  it('refuses protocol versions other than 2 and 3 with NOPROTO', () => {
    const h = new CommandHarness();
    expect(h.run('HELLO', '4')).toEqual(new ReplyError('NOPROTO unsupported protocol version'));
    expect(h.run('HELLO', '1')).toEqual(new ReplyError('NOPROTO unsupported protocol version'));
    expect(h.run('HELLO', 'three')).toEqual(
      new ReplyError('ERR Protocol version is not an integer or out of range'),
    );
    expect(h.client.state.protocol).toBe(2);
  });

  it('rejects unknown or incomplete options naming the option', () => {
    const h = new CommandHarness();
    expect(h.run('HELLO', '3', 'foo')).toEqual(new ReplyError("ERR Syntax error in HELLO option 'foo'"));
    expect(h.run('HELLO', '3', 'AUTH', 'default')).toEqual(
      new ReplyError("ERR Syntax error in HELLO option 'AUTH'"),
    );
    expect(h.run('HELLO', '3', 'setname')).toEqual(
      new ReplyError("ERR Syntax error in HELLO option 'setname'"),
    );
    expect(h.client.state.protocol).toBe(2);
  });

  it('names the connection with SETNAME, refusing names with spaces before switching protocol', () => {
    const h = new CommandHarness();
    expect(h.run('HELLO', '3', 'SETNAME', 'a b')).toEqual(
      new ReplyError('ERR Client names cannot contain spaces, newlines or special characters.'),
    );
    expect(h.client.state.protocol).toBe(2);
    h.run('HELLO', '3', 'SETNAME', 'worker-1');
    expect(h.run('CLIENT', 'GETNAME')).toBe('worker-1');
  });

  it('authenticates with AUTH when a password is required, and refuses to run unauthenticated without it', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    expect(h.run('HELLO', '3')).toEqual(
      new ReplyError(
        'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
      ),
    );
    expect(h.run('HELLO', '3', 'AUTH', 'default', 'wrong')).toEqual(
      new ReplyError('WRONGPASS invalid username-password pair or user is disabled.'),
    );
    expect(h.client.state.authenticated).toBe(false);
    expect(h.run('HELLO', '3', 'AUTH', 'default', 's3cret', 'SETNAME', 'app')).toEqual(
      identity(3, h.client.state.id),
    );
    expect(h.client.state.authenticated).toBe(true);
    expect(h.run('CLIENT', 'GETNAME')).toBe('app');
  });

  it('reports cluster mode when cluster-enabled is set', () => {
    const h = new CommandHarness({ config: { 'cluster-enabled': 'yes' } });
    expect((h.run('HELLO', '3') as Map<unknown, unknown>).get('mode')).toBe('cluster');
  });
});
