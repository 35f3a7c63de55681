import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('RESET', () => {
  it('leaves MULTI, drops WATCHes and answers +RESET', () => {
    const h = new CommandHarness();
    h.run('WATCH', 'k');
    h.run('MULTI');
    h.run('SET', 'k', '1');
    expect(h.client.raw('RESET')).toBe('+RESET\r\n');
    expect(h.client.state.multi).toBeNull();
    expect(h.client.state.watched).toBeNull();
    expect(h.run('GET', 'k')).toBeNull();
  });

  it('unsubscribes silently from every channel, pattern and shard channel', () => {
    const h = new CommandHarness();
    h.client.runAll('SUBSCRIBE', 'a', 'b');
    h.run('PSUBSCRIBE', 'p*');
    h.run('SSUBSCRIBE', 's');
    expect(h.client.runAll('RESET')).toEqual(['RESET']);
    expect(h.client.state.subscriptionCount).toBe(0);
    expect(h.newClient().run('PUBSUB', 'NUMPAT')).toBe(0);
  });

  it('goes back to RESP2 and forgets the name, READONLY, ASKING and reply mode', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3', 'SETNAME', 'app');
    const state = h.client.state;
    state.readonly = true;
    state.asking = true;
    expect(h.run('RESET')).toBe('RESET');
    expect(state.protocol).toBe(2);
    expect(state.name).toBe('');
    expect(state.readonly).toBe(false);
    expect(state.asking).toBe(false);
    expect(state.replyMode).toBe('on');
  });

  it('deauthenticates when a password is required', () => {
    const h = new CommandHarness({ config: { requirepass: 's3cret' } });
    h.run('AUTH', 's3cret');
    expect(h.run('RESET')).toBe('RESET');
    expect(h.client.state.authenticated).toBe(false);
    expect(h.run('PING')).toEqual(new ReplyError('NOAUTH Authentication required.'));
  });

  it('keeps a client without password authenticated', () => {
    const h = new CommandHarness();
    h.run('RESET');
    expect(h.run('PING')).toBe('PONG');
  });
});
