// The routing step inside the real dispatcher and keyspace (in-process harness): redirects replace the reply,
// count in errorstats and rejected_calls, flag an open MULTI, discard a redirected EXEC, follow ASKING and
// READONLY, answer from the keys stored here on a migrating slot, follow CONFIG SET, and unblock clients
// blocked on a slot that moved away.
import { keySlot } from '@tessera/slot';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../testing/command-harness.js';
import type { ClusterMode } from './enable-cluster-mode.js';
import { B, C, R, clusterHarness, threeMasters } from '../testing/cluster-fixtures.js';

const err = (message: string) => new ReplyError(message);
// bar and {bar}* live in A's slot 5061, abc in B's 7638, foo and {foo}* in C's 12182.
const BAR = keySlot('bar');
const FOO = keySlot('foo');

let mode: ClusterMode | undefined;
afterEach(() => mode?.close());

function onA(initial = threeMasters()) {
  const made = clusterHarness(initial);
  mode = made.mode;
  return made;
}

function errorstats(h: CommandHarness): string {
  return h.run('INFO', 'errorstats') as string;
}

describe('routing in the dispatcher', () => {
  it('serves the slots of myself and redirects the others with MOVED <slot> <ip>:<port>', () => {
    const { h } = onA();
    expect(h.run('SET', 'bar', '1')).toBe('OK');
    expect(h.run('GET', 'foo')).toEqual(err(`MOVED ${FOO} 127.0.0.1:7002`));
    expect(h.run('MSET', '{bar}1', 'a', '{bar}2', 'b')).toBe('OK');
    expect(h.run('MSET', 'bar', 'a', 'hello', 'b')).toEqual(
      err("CROSSSLOT Keys in request don't hash to the same slot"),
    );
    expect(h.run('PING')).toBe('PONG');
  });

  it('counts redirects as errors of their code and as rejected calls', () => {
    const { h } = onA();
    h.run('GET', 'foo');
    h.run('GET', 'abc');
    h.run('MGET', 'bar', 'foo');
    expect(errorstats(h)).toContain('errorstat_MOVED:count=2\r\n');
    expect(errorstats(h)).toContain('errorstat_CROSSSLOT:count=1\r\n');
    const stats = h.run('INFO', 'commandstats') as string;
    expect(stats).toMatch(/cmdstat_get:calls=0,.*rejected_calls=2,failed_calls=0/);
  });

  it('never redirects in standalone mode', () => {
    const h = new CommandHarness();
    expect(h.dispatcher.router).toBeNull();
    expect(h.run('SET', 'foo', '1')).toBe('OK');
    expect(h.run('MSET', 'bar', 'a', 'foo', 'b')).toBe('OK');
  });

  it('rejects a foreign key at queue time inside MULTI, so EXEC answers EXECABORT', () => {
    const { h } = onA();
    h.run('MULTI');
    expect(h.run('SET', 'bar', '1')).toBe('QUEUED');
    expect(h.run('SET', 'foo', '1')).toEqual(err(`MOVED ${FOO} 127.0.0.1:7002`));
    expect(h.run('EXEC')).toEqual(err('EXECABORT Transaction discarded because of previous errors.'));
    expect(h.run('GET', 'bar')).toBeNull();
  });

  it('routes EXEC over every queued key: two local slots make it CROSSSLOT and discard the transaction', () => {
    const { h } = onA();
    h.run('MULTI');
    expect(h.run('SET', 'bar', '1')).toBe('QUEUED');
    expect(h.run('SET', 'hello', '2')).toBe('QUEUED');
    expect(h.run('EXEC')).toEqual(err("CROSSSLOT Keys in request don't hash to the same slot"));
    expect(h.run('EXEC')).toEqual(err('ERR EXEC without MULTI'));
    expect(h.run('MGET', 'bar')).toEqual([null]);
  });

  it('runs a transaction on one slot', () => {
    const { h } = onA();
    h.run('MULTI');
    h.run('SET', '{bar}1', 'x');
    h.run('INCR', '{bar}n');
    h.run('PING');
    expect(h.run('EXEC')).toEqual(['OK', 1, 'PONG']);
  });

  it('serves an importing slot after ASKING, once, and through a whole MULTI block', () => {
    const { h } = onA(threeMasters({ migrations: [`[${FOO}-<-${C}]`] }));
    const moved = err(`MOVED ${FOO} 127.0.0.1:7002`);
    expect(h.run('GET', 'foo')).toEqual(moved);
    expect(h.run('ASKING')).toBe('OK');
    expect(h.run('SET', 'foo', 'v')).toBe('OK');
    expect(h.run('GET', 'foo')).toEqual(moved);
    h.run('ASKING');
    h.run('MULTI');
    expect(h.run('GET', 'foo')).toBe('QUEUED');
    expect(h.run('APPEND', '{foo}2', 'w')).toBe('QUEUED');
    expect(h.run('EXEC')).toEqual(err('TRYAGAIN Multiple keys request during rehashing of slot'));
    h.run('ASKING');
    h.run('MULTI');
    h.run('GET', 'foo');
    expect(h.run('EXEC')).toEqual(['v']);
    expect(h.run('GET', 'foo')).toEqual(moved);
  });

  it('answers from the keys stored here on a migrating slot: ASK when none, TRYAGAIN when some', () => {
    const { h } = onA();
    h.run('SET', '{bar}here', '1');
    expect(h.run('CLUSTER', 'SETSLOT', String(BAR), 'MIGRATING', B)).toBe('OK');
    expect(h.run('GET', '{bar}here')).toBe('1');
    expect(h.run('GET', '{bar}gone')).toEqual(err(`ASK ${BAR} 127.0.0.1:7001`));
    expect(h.run('MGET', '{bar}here', '{bar}gone')).toEqual(
      err('TRYAGAIN Multiple keys request during rehashing of slot'),
    );
    expect(errorstats(h)).toContain('errorstat_ASK:count=1\r\n');
    expect(errorstats(h)).toContain('errorstat_TRYAGAIN:count=1\r\n');
  });

  it("serves reads of its master's slots to a READONLY client of a replica, and sends writes to the master", () => {
    const { h } = onA(threeMasters({ myself: R }));
    expect(h.run('GET', 'bar')).toEqual(err(`MOVED ${BAR} 127.0.0.1:7000`));
    expect(h.run('READONLY')).toBe('OK');
    expect(h.run('GET', 'bar')).toBeNull();
    expect(h.run('SET', 'bar', '1')).toEqual(err(`MOVED ${BAR} 127.0.0.1:7000`));
    expect(h.run('GET', 'abc')).toEqual(err(`MOVED ${keySlot('abc')} 127.0.0.1:7001`));
    expect(h.run('READWRITE')).toBe('OK');
    expect(h.run('GET', 'bar')).toEqual(err(`MOVED ${BAR} 127.0.0.1:7000`));
  });

  it('answers CLUSTERDOWN while the cluster is down, and follows CONFIG SET cluster-allow-reads-when-down', () => {
    const { h } = onA(threeMasters({ bFlags: ['fail'] }));
    expect(h.run('GET', 'bar')).toEqual(err('CLUSTERDOWN The cluster is down'));
    expect(h.run('CONFIG', 'SET', 'cluster-allow-reads-when-down', 'yes')).toBe('OK');
    expect(h.run('GET', 'bar')).toBeNull();
    expect(h.run('SET', 'bar', '1')).toEqual(
      err('CLUSTERDOWN The cluster is down and only accepts read commands'),
    );
    expect(h.run('PING')).toBe('PONG');
  });

  it('names the endpoint cluster-preferred-endpoint-type asks for, as soon as it is set', () => {
    const { h } = onA();
    expect(h.run('CONFIG', 'SET', 'cluster-preferred-endpoint-type', 'hostname')).toBe('OK');
    expect(h.run('GET', 'foo')).toEqual(err(`MOVED ${FOO} ?:7002`));
    expect(h.run('CONFIG', 'SET', 'cluster-preferred-endpoint-type', 'unknown-endpoint')).toBe('OK');
    expect(h.run('GET', 'foo')).toEqual(err(`MOVED ${FOO} :7002`));
  });

  it('unblocks a client blocked on a slot given to another node with MOVED', () => {
    const { h } = onA();
    const blocked = h.newClient();
    expect(blocked.runAll('BLPOP', '{bar}list', '0')).toEqual([]);
    expect(h.run('CLUSTER', 'SETSLOT', String(BAR), 'NODE', B)).toBe('OK');
    expect(blocked.replies()).toEqual([err(`MOVED ${BAR} 127.0.0.1:7001`)]);
    expect(h.state.blocking.blockedClients).toBe(0);
    expect(errorstats(h)).toContain('errorstat_MOVED:count=1\r\n');
  });
});
