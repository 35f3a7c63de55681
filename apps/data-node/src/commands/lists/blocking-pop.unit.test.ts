import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

/** Moves the fake clock and lets the blocking manager time out whoever is due. */
function advance(h: CommandHarness, ms: number): void {
  h.advance(ms);
  h.state.blocking.expireTimeouts();
}

describe('BLPOP, BRPOP and BLMPOP', () => {
  it('block on empty lists until another client pushes, then reply [key, element]', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    expect(waiter.runAll('BLPOP', 'a', 'b', '0')).toEqual([]);
    expect(h.state.blocking.blockedClients).toBe(1);
    expect(h.run('RPUSH', 'b', 'x', 'y')).toBe(2);
    expect(waiter.replies()).toEqual([['b', 'x']]);
    expect(h.run('LRANGE', 'b', '0', '-1')).toEqual(['y']);
    expect(h.state.blocking.blockedClients).toBe(0);
    expect(waiter.reading).toBe(true);
  });

  it('BRPOP takes the tail and BLMPOP takes up to COUNT elements', () => {
    const h = new CommandHarness();
    const right = h.newClient();
    const multi = h.newClient();
    right.runAll('BRPOP', 'r', '0');
    multi.runAll('BLMPOP', '0', '2', 'm1', 'm2', 'LEFT', 'COUNT', '2');
    h.run('RPUSH', 'r', '1', '2', '3');
    h.run('RPUSH', 'm2', 'a', 'b', 'c');
    expect(right.replies()).toEqual([['r', '3']]);
    expect(multi.replies()).toEqual([['m2', ['a', 'b']]]);
    expect(h.run('LRANGE', 'm2', '0', '-1')).toEqual(['c']);
  });

  it('serves clients blocked on one key in the order they blocked, one element each', () => {
    const h = new CommandHarness();
    const [first, second, third] = [h.newClient(), h.newClient(), h.newClient()];
    first.runAll('BLPOP', 'q', '0');
    second.runAll('BRPOP', 'q', '0');
    third.runAll('BLPOP', 'q', '0');
    h.run('RPUSH', 'q', '1', '2');
    expect(first.replies()).toEqual([['q', '1']]);
    expect(second.replies()).toEqual([['q', '2']]);
    expect(third.replies()).toEqual([]);
    expect(h.run('LLEN', 'q')).toBe(0);
    h.run('RPUSH', 'q', '3');
    expect(third.replies()).toEqual([['q', '3']]);
  });

  it('serves a client blocked on several keys from the key that was pushed first (Redis 7.0)', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BLPOP', 'k1', 'k2', '0');
    h.run('MULTI');
    h.run('LPUSH', 'k2', 'from-k2');
    h.run('LPUSH', 'k1', 'from-k1');
    h.run('EXEC');
    expect(waiter.replies()).toEqual([['k2', 'from-k2']]);
    expect(h.run('LRANGE', 'k1', '0', '-1')).toEqual(['from-k1']);
  });

  it('serves waiters after the whole transaction, so a push and pop inside it wake nobody', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BLPOP', 'q', '0');
    h.run('MULTI');
    h.run('RPUSH', 'q', 'transient');
    h.run('LPOP', 'q');
    expect(h.run('EXEC')).toEqual([1, 'transient']);
    expect(waiter.replies()).toEqual([]);
    h.run('RPUSH', 'q', 'later');
    expect(waiter.replies()).toEqual([['q', 'later']]);
  });

  it('keeps waiting, without an error, while its key holds another type', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BLPOP', 'k', '0');
    h.run('SET', 'k', 'string');
    expect(waiter.replies()).toEqual([]);
    expect(h.state.blocking.blockedClients).toBe(1);
  });

  it('answers a null array when the timeout passes, and not before', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BLPOP', 'k', '1.5');
    advance(h, 1499);
    expect(waiter.replies()).toEqual([]);
    advance(h, 1);
    expect(waiter.replies()).toEqual([null]);
    expect(h.state.blocking.blockedClients).toBe(0);
    h.run('RPUSH', 'k', 'x');
    expect(waiter.replies()).toEqual([]);
    expect(h.run('LLEN', 'k')).toBe(1);
  });

  it('waits forever with timeout 0', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BRPOP', 'k', '0');
    advance(h, 365 * 24 * 3600 * 1000);
    expect(waiter.replies()).toEqual([]);
    h.run('RPUSH', 'k', 'x');
    expect(waiter.replies()).toEqual([['k', 'x']]);
  });

  it('answers at once inside MULTI: data if any, else the timeout reply', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'full', 'x');
    h.run('MULTI');
    h.run('BLPOP', 'empty', '0');
    h.run('BLMPOP', '0', '1', 'empty', 'LEFT');
    h.run('BRPOP', 'empty', 'full', '0');
    expect(h.run('EXEC')).toEqual([null, null, ['full', 'x']]);
    expect(h.state.blocking.blockedClients).toBe(0);
  });

  it('answers WRONGTYPE at once when a key before any data holds another type', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    expect(h.run('BLPOP', 'missing', 's', '0')).toEqual(
      new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
    expect(h.state.blocking.blockedClients).toBe(0);
  });

  it('is cancelled by CLIENT UNBLOCK with the timeout reply or an error', () => {
    const h = new CommandHarness();
    const [plain, withError] = [h.newClient(), h.newClient()];
    plain.runAll('BLPOP', 'k', '0');
    withError.runAll('BLMPOP', '0', '1', 'k', 'LEFT');
    expect(h.state.blocking.cancel(plain.state)).toBe(true);
    expect(h.state.blocking.cancel(withError.state, 'UNBLOCKED client unblocked via CLIENT UNBLOCK')).toBe(
      true,
    );
    expect(h.state.blocking.cancel(plain.state)).toBe(false);
    expect(plain.replies()).toEqual([null]);
    expect(withError.replies()).toEqual([new ReplyError('UNBLOCKED client unblocked via CLIENT UNBLOCK')]);
  });

  it('blocks on a very long key list, repeated keys included, and releases every queue once served', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    const keys = Array.from({ length: 100_000 }, (_, i) => `key:${i % 60_000}`);
    waiter.runAll('BLPOP', ...keys, '0');
    expect(h.state.blocking.blockingKeys).toBe(60_000);
    h.run('RPUSH', 'key:59999', 'x');
    expect(waiter.replies()).toEqual([['key:59999', 'x']]);
    expect(h.state.blocking.blockingKeys).toBe(0);
  });

  it('counts the served command in the command statistics once', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BLPOP', 'k', '0');
    expect(h.state.stats.command('blpop').calls).toBe(0);
    h.run('RPUSH', 'k', 'x');
    expect(h.state.stats.command('blpop').calls).toBe(1);
  });
});
