import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

/** Parses one CLIENT LIST line into its fields. */
function fields(line: string): Map<string, string> {
  return new Map(line.split(' ').map((field) => field.split('=', 2) as [string, string]));
}

function lines(text: unknown): string[] {
  return (text as string).split('\n').filter((line) => line !== '');
}

describe('CLIENT ID, SETNAME, GETNAME, SETINFO', () => {
  it('answers a distinct id per connection', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    expect(h.run('CLIENT', 'ID')).toBe(h.client.state.id);
    expect(other.run('CLIENT', 'ID')).toBe(other.state.id);
    expect(other.state.id).not.toBe(h.client.state.id);
  });

  it('sets, reads and clears the connection name', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'GETNAME')).toBeNull();
    expect(h.run('CLIENT', 'SETNAME', 'worker')).toBe('OK');
    expect(h.run('CLIENT', 'GETNAME')).toBe('worker');
    expect(h.run('CLIENT', 'SETNAME', '')).toBe('OK');
    expect(h.run('CLIENT', 'GETNAME')).toBeNull();
  });

  it('refuses names with spaces, newlines or non-printable bytes', () => {
    const h = new CommandHarness();
    for (const name of ['a b', 'a\nb', 'caf\xe9', '\x00'])
      expect(h.run('CLIENT', 'SETNAME', name)).toEqual(
        new ReplyError('ERR Client names cannot contain spaces, newlines or special characters.'),
      );
  });

  it('records the library name and version for CLIENT LIST', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'SETINFO', 'LIB-NAME', 'ioredis')).toBe('OK');
    expect(h.run('CLIENT', 'SETINFO', 'lib-ver', '5.11.1')).toBe('OK');
    const info = fields(lines(h.run('CLIENT', 'INFO'))[0] as string);
    expect(info.get('lib-name')).toBe('ioredis');
    expect(info.get('lib-ver')).toBe('5.11.1');
    expect(h.run('CLIENT', 'SETINFO', 'lib-path', 'x')).toEqual(
      new ReplyError("ERR Unrecognized option 'lib-path'"),
    );
    expect(h.run('CLIENT', 'SETINFO', 'LIB-NAME', 'a b')).toEqual(
      new ReplyError('ERR LIB-NAME cannot contain spaces, newlines or special characters.'),
    );
  });

  it('answers unknown subcommands and wrong arity like Redis', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'FOO')).toEqual(new ReplyError("ERR unknown subcommand 'FOO'. Try CLIENT HELP."));
    expect(h.run('CLIENT', 'ID', 'x')).toEqual(
      new ReplyError("ERR wrong number of arguments for 'client|id' command"),
    );
    expect(h.run('CLIENT')).toEqual(new ReplyError("ERR wrong number of arguments for 'client' command"));
  });

  it('lists its subcommands in CLIENT HELP', () => {
    const h = new CommandHarness();
    const help = h.run('CLIENT', 'HELP') as string[];
    expect(help[0]).toBe('CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    expect(help).toContain('UNBLOCK <clientid> [TIMEOUT|ERROR]');
    expect(help.at(-1)).toBe('    Prints this help.');
  });
});

describe('CLIENT LIST and CLIENT INFO', () => {
  it("describe each connection with Redis's fields, the caller's own command included", () => {
    const h = new CommandHarness();
    const other = h.newClient();
    other.run('SET', 'k', 'v');
    const all = lines(h.run('CLIENT', 'LIST')).map(fields);
    expect(all.map((f) => Number(f.get('id')))).toEqual([h.client.state.id, other.state.id]);
    const [self, peer] = all as [Map<string, string>, Map<string, string>];
    expect([...self.keys()]).toEqual([
      'id',
      'addr',
      'laddr',
      'fd',
      'name',
      'age',
      'idle',
      'flags',
      'db',
      'sub',
      'psub',
      'ssub',
      'multi',
      'qbuf',
      'qbuf-free',
      'argv-mem',
      'multi-mem',
      'rbs',
      'rbp',
      'obl',
      'oll',
      'omem',
      'tot-mem',
      'events',
      'cmd',
      'user',
      'redir',
      'resp',
      'lib-name',
      'lib-ver',
    ]);
    expect(self.get('cmd')).toBe('client|list');
    expect(self.get('argv-mem')).toBe('10');
    expect(peer.get('cmd')).toBe('set');
    expect(peer.get('flags')).toBe('N');
    expect(peer.get('multi')).toBe('-1');
    expect(peer.get('user')).toBe('default');
  });

  it('shows pub/sub, MULTI and RESP3 state in the flags and counters', () => {
    const h = new CommandHarness();
    const sub = h.newClient();
    sub.runAll('SUBSCRIBE', 'a', 'b');
    sub.run('PSUBSCRIBE', 'p*');
    const tx = h.newClient();
    tx.run('HELLO', '3');
    tx.run('MULTI');
    tx.run('SET', 'k', 'v');
    const [, subLine, txLine] = lines(h.run('CLIENT', 'LIST')).map(fields) as Map<string, string>[];
    expect(subLine?.get('flags')).toBe('P');
    expect([subLine?.get('sub'), subLine?.get('psub')]).toEqual(['2', '1']);
    expect(txLine?.get('flags')).toBe('x');
    expect(txLine?.get('multi')).toBe('1');
    expect(txLine?.get('multi-mem')).toBe('5');
    expect(txLine?.get('resp')).toBe('3');
  });

  it('filters by TYPE and by ID, refusing unknown types and bad ids', () => {
    const h = new CommandHarness();
    const sub = h.newClient();
    sub.run('SUBSCRIBE', 'c');
    const ids = (text: unknown) => lines(text).map((line) => Number(fields(line).get('id')));
    expect(ids(h.run('CLIENT', 'LIST', 'TYPE', 'pubsub'))).toEqual([sub.state.id]);
    expect(ids(h.run('CLIENT', 'LIST', 'TYPE', 'normal'))).toEqual([h.client.state.id]);
    expect(ids(h.run('CLIENT', 'LIST', 'TYPE', 'replica'))).toEqual([]);
    expect(ids(h.run('CLIENT', 'LIST', 'ID', String(sub.state.id), '999', String(sub.state.id)))).toEqual([
      sub.state.id,
      sub.state.id,
    ]);
    expect(h.run('CLIENT', 'LIST', 'TYPE', 'foo')).toEqual(new ReplyError("ERR Unknown client type 'foo'"));
    expect(h.run('CLIENT', 'LIST', 'ID', 'abc')).toEqual(new ReplyError('ERR Invalid client ID'));
    expect(h.run('CLIENT', 'LIST', 'foo')).toEqual(new ReplyError('ERR syntax error'));
  });

  it('answers CLIENT INFO with the caller line only', () => {
    const h = new CommandHarness();
    h.newClient();
    const info = lines(h.run('CLIENT', 'INFO'));
    expect(info).toHaveLength(1);
    expect(fields(info[0] as string).get('cmd')).toBe('client|info');
  });
});

describe('CLIENT KILL', () => {
  it('kills by address in the old form, answering OK or No such client', () => {
    const h = new CommandHarness();
    const victim = h.newClient();
    expect(h.run('CLIENT', 'KILL', victim.state.addr)).toBe('OK');
    expect(victim.killed).toBe(true);
    expect(h.run('CLIENT', 'KILL', '1.2.3.4:5')).toEqual(new ReplyError('ERR No such client'));
  });

  it('kills by filters and counts, skipping the caller unless SKIPME no', () => {
    const h = new CommandHarness();
    const a = h.newClient();
    const b = h.newClient();
    b.run('SUBSCRIBE', 'c');
    expect(h.run('CLIENT', 'KILL', 'TYPE', 'pubsub')).toBe(1);
    expect(b.killed).toBe(true);
    expect(h.run('CLIENT', 'KILL', 'ID', String(a.state.id))).toBe(1);
    expect(a.killed).toBe(true);
    expect(h.client.closed).toBe(false);
    expect(h.run('CLIENT', 'KILL', 'ID', String(h.client.state.id), 'SKIPME', 'no')).toBe(1);
    expect(h.client.closed).toBe(true);
  });

  it('kills every connection of a user except the caller', () => {
    const h = new CommandHarness();
    const other = h.newClient();
    expect(h.run('CLIENT', 'KILL', 'USER', 'default')).toBe(1);
    expect(other.killed).toBe(true);
    expect(h.client.killed).toBe(false);
  });

  it("rejects bad filters with Redis's texts", () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'KILL', 'ID', 'abc')).toEqual(
      new ReplyError('ERR client-id should be greater than 0'),
    );
    expect(h.run('CLIENT', 'KILL', 'ID', '0')).toEqual(
      new ReplyError('ERR client-id should be greater than 0'),
    );
    expect(h.run('CLIENT', 'KILL', 'TYPE', 'foo')).toEqual(new ReplyError("ERR Unknown client type 'foo'"));
    expect(h.run('CLIENT', 'KILL', 'USER', 'alice')).toEqual(new ReplyError("ERR No such user 'alice'"));
    expect(h.run('CLIENT', 'KILL', 'SKIPME', 'maybe')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('CLIENT', 'KILL', 'MAXAGE', '1')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('CLIENT', 'KILL', 'ID', '1', 'TYPE')).toEqual(new ReplyError('ERR syntax error'));
  });
});

describe('CLIENT UNBLOCK', () => {
  it('ends a blocking command as a timeout, or with an UNBLOCKED error', () => {
    const h = new CommandHarness();
    const blocked = h.newClient();
    expect(blocked.runAll('BLPOP', 'list', '0')).toEqual([]);
    expect(h.run('CLIENT', 'UNBLOCK', String(blocked.state.id))).toBe(1);
    expect(blocked.replies()).toEqual([null]);
    blocked.runAll('BLPOP', 'list', '0');
    expect(h.run('CLIENT', 'UNBLOCK', String(blocked.state.id), 'ERROR')).toBe(1);
    expect(blocked.replies()).toEqual([new ReplyError('UNBLOCKED client unblocked via CLIENT UNBLOCK')]);
    expect(h.run('CLIENT', 'UNBLOCK', String(blocked.state.id))).toBe(0);
  });

  it('answers 0 for unknown clients and checks the reason before the id', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'UNBLOCK', '99999')).toBe(0);
    expect(h.run('CLIENT', 'UNBLOCK', 'abc', 'foo')).toEqual(
      new ReplyError('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR'),
    );
    expect(h.run('CLIENT', 'UNBLOCK', 'abc')).toEqual(
      new ReplyError('ERR value is not an integer or out of range'),
    );
  });
});

describe('CLIENT REPLY and NO-EVICT', () => {
  it('switches the reply mode, replying only to ON', () => {
    const h = new CommandHarness();
    expect(h.client.runAll('CLIENT', 'REPLY', 'OFF')).toEqual([]);
    expect(h.client.state.replyMode).toBe('off');
    expect(h.client.runAll('CLIENT', 'REPLY', 'SKIP')).toEqual([]);
    expect(h.client.state.replyMode).toBe('off'); // SKIP is ignored while replies are off
    expect(h.run('CLIENT', 'REPLY', 'ON')).toBe('OK');
    expect(h.client.runAll('CLIENT', 'REPLY', 'SKIP')).toEqual([]);
    expect(h.client.state.replyMode).toBe('skip');
    expect(h.run('CLIENT', 'REPLY', 'MAYBE')).toEqual(new ReplyError('ERR syntax error'));
  });

  it('records NO-EVICT and rejects other values', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'NO-EVICT', 'on')).toBe('OK');
    expect(h.client.state.noEvict).toBe(true);
    expect(fields(lines(h.run('CLIENT', 'INFO'))[0] as string).get('flags')).toBe('e');
    expect(h.run('CLIENT', 'NO-EVICT', 'maybe')).toEqual(new ReplyError('ERR syntax error'));
  });
});

describe('CLIENT PAUSE and UNPAUSE', () => {
  it('pause for a time in WRITE or ALL mode and unpause', () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'PAUSE', '10000', 'WRITE')).toBe('OK');
    expect(h.run('CLIENT', 'PAUSE', '10', 'all')).toBe('OK');
    expect(h.run('CLIENT', 'UNPAUSE')).toBe('OK');
  });

  it("check the mode before the timeout, with Redis's texts", () => {
    const h = new CommandHarness();
    expect(h.run('CLIENT', 'PAUSE', 'abc', 'foo')).toEqual(
      new ReplyError('ERR CLIENT PAUSE mode must be WRITE or ALL'),
    );
    expect(h.run('CLIENT', 'PAUSE', 'abc')).toEqual(
      new ReplyError('ERR timeout is not an integer or out of range'),
    );
    expect(h.run('CLIENT', 'PAUSE', '-1')).toEqual(new ReplyError('ERR timeout is negative'));
    expect(h.run('CLIENT', 'PAUSE', '10', 'ALL', 'x')).toEqual(
      new ReplyError("ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP."),
    );
  });
});
