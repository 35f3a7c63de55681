import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

function harnessWithLifecycle(): { h: CommandHarness; reasons: string[] } {
  const h = new CommandHarness();
  const reasons: string[] = [];
  h.state.lifecycle = { shutdown: (reason) => reasons.push(reason) };
  return { h, reasons };
}

describe('SHUTDOWN', () => {
  it('asks the process owner to stop and sends no reply', () => {
    const { h, reasons } = harnessWithLifecycle();
    expect(h.client.runAll('SHUTDOWN', 'NOSAVE', 'NOW')).toEqual([]);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('SHUTDOWN');
  });

  it('refuses SAVE without persistence unless FORCE', () => {
    const { h, reasons } = harnessWithLifecycle();
    expect(h.run('SHUTDOWN', 'SAVE')).toEqual(
      new ReplyError(
        'ERR Errors trying to SHUTDOWN: SAVE is impossible, this data-node has no persistence yet (use NOSAVE, or SAVE FORCE)',
      ),
    );
    expect(reasons).toEqual([]);
    h.client.runAll('SHUTDOWN', 'SAVE', 'FORCE');
    expect(reasons).toHaveLength(1);
  });

  it('answers ABORT and bad option combinations like Redis', () => {
    const { h, reasons } = harnessWithLifecycle();
    expect(h.run('SHUTDOWN', 'ABORT')).toEqual(new ReplyError('ERR No shutdown in progress.'));
    expect(h.run('SHUTDOWN', 'NOSAVE', 'ABORT')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('SHUTDOWN', 'SAVE', 'NOSAVE')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('SHUTDOWN', 'LATER')).toEqual(new ReplyError('ERR syntax error'));
    expect(reasons).toEqual([]);
  });

  it('is refused inside MULTI', () => {
    const { h, reasons } = harnessWithLifecycle();
    h.run('MULTI');
    expect(h.run('SHUTDOWN')).toEqual(new ReplyError('ERR Command not allowed inside a transaction'));
    expect(reasons).toEqual([]);
  });
});
