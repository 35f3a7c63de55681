import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('MULTI/EXEC', () => {
  it('queues commands and runs them in order at EXEC', () => {
    const h = new CommandHarness();
    expect(h.run('MULTI')).toBe('OK');
    expect(h.run('SET', 'a', '1')).toBe('QUEUED');
    expect(h.run('GET', 'a')).toBe('QUEUED');
    expect(h.run('EXEC')).toEqual(['OK', '1']);
  });

  it('aborts EXEC with EXECABORT after a command was refused at queue time', () => {
    const h = new CommandHarness();
    h.run('MULTI');
    expect(h.run('SET', 'a')).toEqual(new ReplyError("ERR wrong number of arguments for 'set' command"));
    expect(h.run('NOSUCHCOMMAND')).toBeInstanceOf(ReplyError);
    expect(h.run('EXEC')).toEqual(
      new ReplyError('EXECABORT Transaction discarded because of previous errors.'),
    );
    expect(h.run('GET', 'a')).toBeNull();
  });

  it('reports errors of queued commands inline and still runs the others', () => {
    const h = new CommandHarness();
    h.run('SET', 'a', 'x');
    h.run('MULTI');
    h.run('SET', 'b', '1');
    h.run('SUBSCRIBE', 'c');
    expect(h.run('EXEC')).toEqual(['OK', ['subscribe', 'c', 1]]);
  });

  it('refuses nested MULTI without dooming the transaction', () => {
    const h = new CommandHarness();
    h.run('MULTI');
    expect(h.run('MULTI')).toEqual(new ReplyError('ERR MULTI calls can not be nested'));
    h.run('SET', 'a', '1');
    expect(h.run('EXEC')).toEqual(['OK']);
  });

  it('answers EXEC and DISCARD without MULTI with errors', () => {
    const h = new CommandHarness();
    expect(h.run('EXEC')).toEqual(new ReplyError('ERR EXEC without MULTI'));
    expect(h.run('DISCARD')).toEqual(new ReplyError('ERR DISCARD without MULTI'));
  });

  it('DISCARD drops the queue', () => {
    const h = new CommandHarness();
    h.run('MULTI');
    h.run('SET', 'a', '1');
    expect(h.run('DISCARD')).toBe('OK');
    expect(h.run('GET', 'a')).toBeNull();
  });
});

describe('WATCH', () => {
  it('makes EXEC return null when another client changed a watched key', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('WATCH', 'k');
    other.run('SET', 'k', 'changed');
    h.run('MULTI');
    h.run('SET', 'k', 'mine');
    expect(h.run('EXEC')).toBeNull();
    expect(h.run('GET', 'k')).toBe('changed');
  });

  it('lets EXEC run when watched keys did not change, and forgets them afterwards', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('WATCH', 'k');
    h.run('MULTI');
    h.run('SET', 'k', 'mine');
    expect(h.run('EXEC')).toEqual(['OK']);
    other.run('SET', 'k', 'later');
    h.run('MULTI');
    h.run('GET', 'k');
    expect(h.run('EXEC')).toEqual(['later']);
  });

  it('fails EXEC when a watched key expired after WATCH', () => {
    const h = new CommandHarness();
    h.run('SET', 'k', 'v', 'PX', '50');
    h.run('WATCH', 'k');
    h.advance(100);
    h.run('MULTI');
    h.run('PING');
    expect(h.run('EXEC')).toBeNull();
  });

  it('is refused inside MULTI, and UNWATCH clears the watch', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    h.run('MULTI');
    expect(h.run('WATCH', 'k')).toEqual(new ReplyError('ERR WATCH inside MULTI is not allowed'));
    h.run('DISCARD');
    h.run('WATCH', 'k');
    expect(h.run('UNWATCH')).toBe('OK');
    other.run('SET', 'k', 'x');
    h.run('MULTI');
    h.run('GET', 'k');
    expect(h.run('EXEC')).toEqual(['x']);
  });
});
