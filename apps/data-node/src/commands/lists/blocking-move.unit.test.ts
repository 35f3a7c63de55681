import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('BLMOVE and BRPOPLPUSH', () => {
  it('move at once when the source has elements', () => {
    const h = new CommandHarness();
    h.run('RPUSH', 'src', 'a', 'b');
    expect(h.run('BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0')).toBe('b');
    expect(h.run('BRPOPLPUSH', 'src', 'dst', '0')).toBe('a');
    expect(h.run('LRANGE', 'dst', '0', '-1')).toEqual(['a', 'b']);
    expect(h.run('LLEN', 'src')).toBe(0);
  });

  it('block on an empty source and move the element pushed later, replying with it', () => {
    const h = new CommandHarness();
    const mover = h.newClient();
    expect(mover.runAll('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0')).toEqual([]);
    h.run('RPUSH', 'dst', 'old');
    expect(mover.replies()).toEqual([]);
    h.run('RPUSH', 'src', 'x', 'y');
    expect(mover.replies()).toEqual(['x']);
    expect(h.run('LRANGE', 'dst', '0', '-1')).toEqual(['old', 'x']);
    expect(h.run('LRANGE', 'src', '0', '-1')).toEqual(['y']);
  });

  it('chain: each move wakes the client blocked on its destination in the same round', () => {
    const h = new CommandHarness();
    const [first, second, last] = [h.newClient(), h.newClient(), h.newClient()];
    first.runAll('BLMOVE', 'q1', 'q2', 'LEFT', 'LEFT', '0');
    second.runAll('BRPOPLPUSH', 'q2', 'q3', '0');
    last.runAll('BLPOP', 'q3', '0');
    h.run('LPUSH', 'q1', 'token');
    expect(first.replies()).toEqual(['token']);
    expect(second.replies()).toEqual(['token']);
    expect(last.replies()).toEqual([['q3', 'token']]);
    for (const key of ['q1', 'q2', 'q3']) expect(h.run('LLEN', key)).toBe(0);
    expect(h.state.blocking.blockedClients).toBe(0);
  });

  it('a rotation onto the same key serves the mover and leaves the element for the next waiter', () => {
    const h = new CommandHarness();
    const [rotator, popper] = [h.newClient(), h.newClient()];
    rotator.runAll('BLMOVE', 'ring', 'ring', 'LEFT', 'RIGHT', '0');
    popper.runAll('BLPOP', 'ring', '0');
    h.run('RPUSH', 'ring', 'a');
    expect(rotator.replies()).toEqual(['a']);
    expect(popper.replies()).toEqual([['ring', 'a']]);
  });

  it('answers WRONGTYPE when woken while its destination holds another type, leaving the source intact', () => {
    const h = new CommandHarness();
    const mover = h.newClient();
    mover.runAll('BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0');
    h.run('SET', 'dst', 'string');
    h.run('RPUSH', 'src', 'x');
    expect(mover.replies()).toEqual([
      new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    ]);
    expect(h.run('LRANGE', 'src', '0', '-1')).toEqual(['x']);
    expect(h.state.blocking.blockedClients).toBe(0);
  });

  it('inside MULTI answers a null bulk at once for an empty source, while a timeout answers a null array', () => {
    const h = new CommandHarness();
    h.client.raw('MULTI');
    h.client.raw('BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0');
    h.client.raw('BRPOPLPUSH', 'src', 'dst', '0');
    expect(h.client.raw('EXEC')).toBe('*2\r\n$-1\r\n$-1\r\n');
    const waiter = h.newClient();
    expect(waiter.raw('BRPOPLPUSH', 'src', 'dst', '0.25')).toBe('');
    h.advance(250);
    h.state.blocking.expireTimeouts();
    expect(waiter.state.writer.take()?.toString('latin1')).toBe('*-1\r\n');
  });
});
