import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { Err } from '../reply-errors.js';

describe('BZPOPMIN and BZPOPMAX', () => {
  it('pop at once from the first non-empty key, replying [key, member, score]', () => {
    const h = new CommandHarness();
    h.run('ZADD', 'b', '1', 'x', '2', 'y');
    expect(h.run('BZPOPMIN', 'a', 'b', '0')).toEqual(['b', 'x', '1']);
    expect(h.run('BZPOPMAX', 'a', 'b', '0')).toEqual(['b', 'y', '2']);
    expect(h.run('EXISTS', 'b')).toBe(0);
  });

  it('block while every key is empty and are served by the ZADD that fills one', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    expect(waiter.runAll('BZPOPMAX', 'a', 'b', '0')).toEqual([]);
    expect(h.run('ZADD', 'b', '1', 'x', '5', 'y')).toBe(2);
    expect(waiter.replies()).toEqual([['b', 'y', '5']]);
    expect(h.run('ZRANGE', 'b', '0', '-1')).toEqual(['x']);
  });

  it('serve blocked clients in the order they blocked, one member each', () => {
    const h = new CommandHarness();
    const first = h.newClient();
    const second = h.newClient();
    const third = h.newClient();
    first.runAll('BZPOPMIN', 'k', '0');
    second.runAll('BZPOPMIN', 'k', '0');
    third.runAll('BZPOPMIN', 'k', '0');
    h.run('ZADD', 'k', '1', 'a', '2', 'b');
    expect(first.replies()).toEqual([['k', 'a', '1']]);
    expect(second.replies()).toEqual([['k', 'b', '2']]);
    expect(third.replies()).toEqual([]);
    h.run('ZADD', 'k', '3', 'c');
    expect(third.replies()).toEqual([['k', 'c', '3']]);
    expect(h.run('EXISTS', 'k')).toBe(0);
  });

  it('keep waiting when the key that woke them holds another type', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BZPOPMIN', 'k', '0');
    h.run('SET', 'k', 'v');
    expect(waiter.replies()).toEqual([]);
    h.run('DEL', 'k');
    h.run('ZADD', 'k', '1', 'a');
    expect(waiter.replies()).toEqual([['k', 'a', '1']]);
  });

  it('answer a null array when the timeout passes', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    waiter.runAll('BZPOPMIN', 'k', '1.5');
    h.advance(1000);
    expect(waiter.replies()).toEqual([]);
    h.advance(600);
    expect(waiter.replies()).toEqual([null]);
    expect(h.state.blocking.blockedClients).toBe(0);
  });

  it('answer a null array at once inside MULTI', () => {
    const h = new CommandHarness();
    h.run('MULTI');
    h.run('BZPOPMIN', 'k', '0');
    h.run('BZMPOP', '0', '1', 'k', 'MIN');
    expect(h.run('EXEC')).toEqual([null, null]);
  });

  it('check the timeout before the keys', () => {
    const h = new CommandHarness();
    h.run('SET', 's', 'v');
    expect(h.run('BZPOPMIN', 's', '-1')).toEqual(new ReplyError(Err.timeoutNegative));
    expect(h.run('BZPOPMIN', 's', 'x')).toEqual(new ReplyError(Err.timeoutNotFloat));
    expect(h.run('BZPOPMIN', 's', '0')).toEqual(new ReplyError(Err.wrongType));
  });
});

describe('BZMPOP', () => {
  it('pops up to COUNT members of the key that was filled, replying [key, [[member, score]...]]', () => {
    const h = new CommandHarness();
    const waiter = h.newClient();
    expect(waiter.runAll('BZMPOP', '0', '2', 'a', 'b', 'MAX', 'COUNT', '2')).toEqual([]);
    h.run('ZADD', 'b', '1', 'x', '2', 'y', '3', 'z');
    expect(waiter.replies()).toEqual([
      [
        'b',
        [
          ['z', '3'],
          ['y', '2'],
        ],
      ],
    ]);
  });

  it('checks numkeys, MIN|MAX and COUNT before the timeout', () => {
    const h = new CommandHarness();
    expect(h.run('BZMPOP', 'x', '0', 'k', 'MIN')).toEqual(new ReplyError(Err.numkeysNotPositive));
    expect(h.run('BZMPOP', 'x', '1', 'k', 'UP')).toEqual(new ReplyError(Err.syntax));
    expect(h.run('BZMPOP', 'x', '1', 'k', 'MIN')).toEqual(new ReplyError(Err.timeoutNotFloat));
  });
});
