import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('LCS', () => {
  it('refuses a DP table above proto-max-bulk-len before allocating it', () => {
    const h = new CommandHarness({ config: { 'proto-max-bulk-len': '1mb' } });
    // (511 + 1) * (511 + 1) * 4 bytes = 1 MB exactly: allowed; one more byte in a string passes the limit.
    h.run('MSET', 'a', 'x'.repeat(511), 'b', 'x'.repeat(511));
    expect(h.run('LCS', 'a', 'b', 'LEN')).toBe(511);
    h.run('APPEND', 'a', 'x');
    expect(h.run('LCS', 'a', 'b', 'LEN')).toEqual(
      new ReplyError('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len'),
    );
  });

  it('answers the IDX form as a map in RESP3', () => {
    const h = new CommandHarness();
    h.client.state.writer.protocol = 3; // what HELLO 3 does
    h.run('MSET', 'a', 'ohmytext', 'b', 'mynewtext');
    const reply = h.run('LCS', 'a', 'b', 'IDX', 'MINMATCHLEN', '4');
    expect(reply).toEqual(
      new Map<unknown, unknown>([
        [
          'matches',
          [
            [
              [4, 7],
              [5, 8],
            ],
          ],
        ],
        ['len', 6],
      ]),
    );
  });
});
