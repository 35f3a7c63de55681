// What a master writes into its replication stream for each command (redis 7.0's propagation rules):
// commands run through the real dispatcher of a harness whose node propagates, and the stream bytes in its
// backlog are read back as commands.
import { describe, expect, it } from 'vitest';
import { CommandHarness } from '../testing/command-harness.js';
import { StreamReader } from './stream-reader.js';

const NOW = 1_700_000_000_000;

/** A harness whose node propagates (as when a replica syncs), and what it streamed since the last call. */
function propagating(config: Record<string, string> = {}) {
  const h = new CommandHarness({ config, now: NOW });
  const state = h.state.replication.state;
  state.startPropagating();
  let read = state.offset;
  const streamed = (): string[][] => {
    state.flushPropagation();
    const backlog = state.backlog;
    if (backlog === null) return [];
    const commands: string[][] = [];
    new StreamReader().feed(Buffer.concat(backlog.read(read)), (args) =>
      commands.push(args.map((arg) => arg.toString('latin1'))),
    );
    read = backlog.end;
    return commands;
  };
  return { h, streamed };
}

describe('command propagation', () => {
  it('propagates a plain write as it was sent, and nothing for a read or a write that changed nothing', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'k', 'v');
    h.run('GET', 'k');
    h.run('DEL', 'missing');
    h.run('SET', 'k', 'w', 'NX');
    expect(streamed()).toEqual([['SET', 'k', 'v']]);
  });

  it('turns relative and second-based expiry times into absolute PEXPIREAT', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'k', 'v');
    streamed();
    h.run('EXPIRE', 'k', '100');
    h.run('PEXPIRE', 'k', '5000');
    h.run('EXPIREAT', 'k', String(NOW / 1000 + 60));
    h.run('EXPIRE', 'k', '10', 'GT'); // not applied: nothing propagated
    expect(streamed()).toEqual([
      ['PEXPIREAT', 'k', String(NOW + 100_000)],
      ['PEXPIREAT', 'k', String(NOW + 5000)],
      ['PEXPIREAT', 'k', String(NOW + 60_000)],
    ]);
  });

  it('propagates an expiry time already past as DEL (the master deleted the key)', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'k', 'v');
    h.run('EXPIRE', 'k', '-1');
    expect(streamed()).toEqual([
      ['SET', 'k', 'v'],
      ['DEL', 'k'],
    ]);
  });

  it('turns SET EX/PX/EXAT, SETEX and PSETEX into SET key value PXAT', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'a', '1', 'EX', '10');
    h.run('SET', 'b', '2', 'PX', '1500', 'GET');
    h.run('SET', 'c', '3', 'PXAT', String(NOW + 9));
    h.run('SETEX', 'd', '20', '4');
    h.run('PSETEX', 'e', '300', '5');
    expect(streamed()).toEqual([
      ['SET', 'a', '1', 'PXAT', String(NOW + 10_000)],
      ['SET', 'b', '2', 'PXAT', String(NOW + 1500)],
      ['SET', 'c', '3', 'PXAT', String(NOW + 9)],
      ['SET', 'd', '4', 'PXAT', String(NOW + 20_000)],
      ['SET', 'e', '5', 'PXAT', String(NOW + 300)],
    ]);
  });

  it('turns GETEX into PEXPIREAT or PERSIST, and GETDEL into DEL', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'k', 'v');
    streamed();
    h.run('GETEX', 'k', 'EX', '7');
    h.run('GETEX', 'k', 'PERSIST');
    h.run('GETEX', 'k'); // no option: a read
    h.run('GETDEL', 'k');
    expect(streamed()).toEqual([
      ['PEXPIREAT', 'k', String(NOW + 7000)],
      ['PERSIST', 'k'],
      ['DEL', 'k'],
    ]);
  });

  it('propagates the result of float increments: INCRBYFLOAT as SET KEEPTTL, HINCRBYFLOAT as HSET', () => {
    const { h, streamed } = propagating();
    h.run('INCRBYFLOAT', 'f', '0.1');
    h.run('INCRBYFLOAT', 'f', '0.2');
    h.run('HINCRBYFLOAT', 'h', 'x', '1.5');
    expect(streamed()).toEqual([
      ['SET', 'f', '0.1', 'KEEPTTL'],
      ['SET', 'f', '0.3', 'KEEPTTL'],
      ['HSET', 'h', 'x', '1.5'],
    ]);
  });

  it('propagates RESTORE with a relative TTL as an absolute one (ABSTTL)', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'src', 'payload');
    const dump = h.run('DUMP', 'src') as Buffer | string;
    streamed();
    h.run('RESTORE', 'dst', '2000', Buffer.from(dump as string, 'latin1'));
    const [restore] = streamed();
    expect(restore?.slice(0, 3)).toEqual(['RESTORE', 'dst', String(NOW + 2000)]);
    expect(restore?.at(-1)).toBe('ABSTTL');
  });

  it('propagates a blocking pop served at once as the non-blocking pop of the key it served', () => {
    const { h, streamed } = propagating();
    h.run('RPUSH', 'second', 'a', 'b');
    h.run('ZADD', 'z', '1', 'm');
    streamed();
    h.run('BLPOP', 'first', 'second', '0');
    h.run('BRPOP', 'second', '0');
    h.run('BZPOPMIN', 'z', '0');
    expect(streamed()).toEqual([
      ['LPOP', 'second'],
      ['RPOP', 'second'],
      ['ZPOPMIN', 'z'],
    ]);
  });

  it('propagates a BLPOP woken by a push as LPOP of the pushed key, after the push', () => {
    const { h, streamed } = propagating();
    const waiter = h.newClient();
    expect(waiter.runAll('BLPOP', 'a', 'b', '0')).toEqual([]);
    h.run('RPUSH', 'b', 'x');
    expect(waiter.replies()).toEqual([['b', 'x']]);
    expect(streamed()).toEqual([
      ['RPUSH', 'b', 'x'],
      ['LPOP', 'b'],
    ]);
  });

  it('propagates LMPOP/BLMPOP as LPOP key count, BLMOVE as LMOVE and BRPOPLPUSH as RPOPLPUSH', () => {
    const { h, streamed } = propagating();
    h.run('RPUSH', 'l', '1', '2', '3', '4');
    streamed();
    h.run('LMPOP', '2', 'none', 'l', 'LEFT', 'COUNT', '2');
    h.run('BLMPOP', '0', '1', 'l', 'RIGHT');
    h.run('BLMOVE', 'l', 'm', 'LEFT', 'RIGHT', '0');
    h.run('RPUSH', 'l', '5');
    h.run('BRPOPLPUSH', 'l', 'm', '0');
    expect(streamed()).toEqual([
      ['LPOP', 'l', '2'],
      ['RPOP', 'l', '1'],
      ['LMOVE', 'l', 'm', 'LEFT', 'RIGHT'],
      ['RPUSH', 'l', '5'],
      ['RPOPLPUSH', 'l', 'm'],
    ]);
  });

  it('propagates SPOP as SREM of the members it picked (DEL when it took them all)', () => {
    const { h, streamed } = propagating();
    h.run('SADD', 's', 'a', 'b', 'c', 'd');
    streamed();
    const one = h.run('SPOP', 's') as string;
    const two = h.run('SPOP', 's', '2') as string[];
    h.run('SPOP', 's', '5');
    expect(streamed()).toEqual([
      ['SREM', 's', one],
      ['SREM', 's', ...two],
      ['DEL', 's'],
    ]);
  });

  it('wraps the commands of an EXEC in MULTI/EXEC, and propagates a one-write EXEC the same', () => {
    const { h, streamed } = propagating();
    h.run('MULTI');
    h.run('SET', 'a', '1');
    h.run('GET', 'a');
    h.run('INCR', 'n');
    h.run('EXEC');
    expect(streamed()).toEqual([['MULTI'], ['SET', 'a', '1'], ['INCR', 'n'], ['EXEC']]);
    h.run('MULTI');
    h.run('GET', 'a');
    h.run('EXEC');
    expect(streamed()).toEqual([]);
  });

  it('propagates a key that expires on access as DEL before the command, both in one MULTI/EXEC', () => {
    const { h, streamed } = propagating();
    h.run('SET', 'k', 'v', 'PX', '100');
    streamed();
    h.advance(200);
    expect(h.run('GET', 'k')).toBeNull();
    expect(streamed()).toEqual([['DEL', 'k']]);
    h.run('SET', 'j', 'v', 'PX', '100');
    streamed();
    h.advance(200);
    h.run('LPUSH', 'j', 'x');
    expect(streamed()).toEqual([['MULTI'], ['DEL', 'j'], ['LPUSH', 'j', 'x'], ['EXEC']]);
  });

  it('propagates keys removed by active expiry and by eviction as DEL', () => {
    const { h, streamed } = propagating({ 'maxmemory-policy': 'allkeys-random' });
    h.run('SET', 'k', 'v', 'PX', '10');
    streamed();
    h.advance(20);
    h.state.db.activeExpireCycle(100);
    expect(streamed()).toEqual([['DEL', 'k']]);
    h.run('SET', 'e', 'v');
    streamed();
    expect(h.state.db.evict('e')).toBe(true);
    expect(streamed()).toEqual([['DEL', 'e']]);
  });

  it('counts master_repl_offset in stream bytes, and gives each client the offset of its last command', () => {
    const { h, streamed } = propagating();
    const before = h.state.replication.state.offset;
    h.run('SET', 'k', 'v');
    const after = h.state.replication.state.offset;
    expect(after - before).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n'.length);
    expect(h.client.state.replOffset).toBe(after);
    streamed();
  });

  it('writes nothing and costs no backlog while no replica ever synced', () => {
    const h = new CommandHarness({ now: NOW });
    h.run('SET', 'k', 'v');
    h.run('EXPIRE', 'k', '10');
    expect(h.state.propagator).toBeNull();
    expect(h.state.replication.state.backlog).toBeNull();
    expect(h.state.replication.state.offset).toBe(0);
  });
});
