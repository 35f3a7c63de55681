// What clients see of a replica and of its master: reads served with READONLY, writes redirected to the master,
// keys that expire only when the master says so, WAIT counting the replicas that acknowledged a client's
// writes, ROLE and CLUSTER SLOTS, and the commands cluster mode refuses (REPLICAOF) or checks (REPLICATE).
import { waitFor } from '@tessera/testing';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import {
  MASTER_ID,
  REPLICA_IDS,
  masterWithReplicasText,
  replicationInfo,
  startReplicatedNodes,
  waitForCaughtUp,
} from '../testing/replicated-nodes.js';

const outcome = (client: Redis, ...args: string[]): Promise<unknown> =>
  client.call(args[0] as string, ...args.slice(1)).catch((err: Error) => err.message);

describe('a replica serving clients', () => {
  it('serves reads of its master slots with READONLY, redirects writes (and reads without it) with MOVED and refuses keyless writes', async () => {
    await using nodes = await startReplicatedNodes();
    const { master, masterClient: m, replicaClient: r } = nodes;
    await m.set('foo', 'bar');
    await waitForCaughtUp(m, r);
    expect(await outcome(r, 'GET', 'foo')).toBe(`MOVED 12182 127.0.0.1:${master.port}`);
    expect(await r.call('READONLY')).toBe('OK');
    expect(await r.get('foo')).toBe('bar');
    expect(await outcome(r, 'SET', 'foo', 'x')).toBe(`MOVED 12182 127.0.0.1:${master.port}`);
    expect(await outcome(r, 'DEL', 'foo')).toBe(`MOVED 12182 127.0.0.1:${master.port}`);
    expect(await r.call('READWRITE')).toBe('OK');
    expect(await outcome(r, 'GET', 'foo')).toBe(`MOVED 12182 127.0.0.1:${master.port}`);
    // A keyless write has nowhere to be redirected: refused, as with replica-read-only in Redis.
    expect(await outcome(r, 'FLUSHALL')).toBe("READONLY You can't write against a read only replica.");
    expect(await r.dbsize()).toBe(1);
  });

  it('reads a key whose TTL passed as missing but keeps it until the master deletes it (Redis 7)', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    expect(await m.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toBe('OK'); // the master deletes on access only
    await m.set('soon', 'gone', 'PX', 100);
    await waitForCaughtUp(m, r);
    await r.call('READONLY');
    expect(await r.get('soon')).toBe('gone');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await r.get('soon')).toBeNull();
    expect(await r.exists('soon')).toBe(0);
    expect(await r.dbsize()).toBe(1); // still stored: the replica never deletes on its own
    expect(await m.get('soon')).toBeNull(); // the master's lazy expiry deletes it and propagates DEL
    await waitForCaughtUp(m, r);
    expect(await r.dbsize()).toBe(0);
  });

  it('answers ROLE as Redis does on both sides', async () => {
    await using nodes = await startReplicatedNodes();
    const { master, replica, masterClient: m, replicaClient: r } = nodes;
    await m.set('k', 'v');
    await waitForCaughtUp(m, r);
    const offset = Number((await replicationInfo(m))['master_repl_offset']);
    await waitFor('the replica ack', async () => {
      const role = (await m.call('ROLE')) as [string, number, string[][]];
      return role[2][0]?.[2] === String(offset) ? true : JSON.stringify(role);
    });
    expect(await m.call('ROLE')).toEqual([
      'master',
      offset,
      [['127.0.0.1', String(replica.port), String(offset)]],
    ]);
    expect(await r.call('ROLE')).toEqual(['slave', '127.0.0.1', master.port, 'connected', offset]);
  });

  it('lists a replica in its CLUSTER SLOTS only once it has synced with its master', async () => {
    await using nodes = await startReplicatedNodes({ detached: true });
    const { master, replica, masterClient: m, replicaClient: r } = nodes;
    await m.set('k', 'v');
    // First the replica follows an address where no master listens: it never syncs.
    nodes.load((myself) =>
      masterWithReplicasText(myself, { id: MASTER_ID, port: 1 }, [
        { id: REPLICA_IDS[0], port: replica.port },
      ]),
    );
    await waitFor('the replica to try its master', async () =>
      (await replicationInfo(r))['role'] === 'slave' ? true : 'not a replica yet',
    );
    const hosts = (slots: unknown) =>
      (slots as [number, number, ...[string, number, string][]][])[0]?.slice(2);
    expect(hosts(await r.call('CLUSTER', 'SLOTS'))).toEqual([['127.0.0.1', 1, MASTER_ID, []]]);
    nodes.replicate();
    await waitForCaughtUp(m, r);
    expect(hosts(await r.call('CLUSTER', 'SLOTS'))).toEqual([
      ['127.0.0.1', master.port, MASTER_ID, []],
      ['127.0.0.1', replica.port, REPLICA_IDS[0], []],
    ]);
  });

  it('refuses REPLICAOF/SLAVEOF in cluster mode and CLUSTER REPLICATE on a node holding keys', async () => {
    await using nodes = await startReplicatedNodes({ detached: true });
    const { master, replica, replicaClient: r } = nodes;
    expect(await outcome(r, 'REPLICAOF', '127.0.0.1', '7000')).toBe(
      'ERR REPLICAOF not allowed in cluster mode.',
    );
    expect(await outcome(r, 'SLAVEOF', 'NO', 'ONE')).toBe('ERR REPLICAOF not allowed in cluster mode.');
    // The would-be replica is a master of slot 16287 (key `x`) holding a key.
    nodes.load((myself) => {
      const flag = (id: string) => (id === myself ? 'myself,master' : 'master');
      return (
        `${MASTER_ID} 127.0.0.1:${master.port}@${master.port} ${flag(MASTER_ID)} - 0 0 1 connected 0-16286 16288-16383\n` +
        `${REPLICA_IDS[0]} 127.0.0.1:${replica.port}@${replica.port} ${flag(REPLICA_IDS[0])} - 0 0 2 connected 16287\n`
      );
    });
    expect(await r.set('x', '1')).toBe('OK');
    expect(await outcome(r, 'CLUSTER', 'REPLICATE', MASTER_ID)).toBe(
      'ERR To set a master the node must be empty and without assigned slots.',
    );
    expect(await r.call('CLUSTER', 'DELSLOTS', '16287')).toBe('OK');
    expect(await r.dbsize()).toBe(1);
    expect(await outcome(r, 'CLUSTER', 'REPLICATE', MASTER_ID)).toBe(
      'ERR To set a master the node must be empty and without assigned slots.',
    );
  });
});

describe('WAIT', () => {
  it('returns 1 once the replica acknowledged the client writes, at once when it already had', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    await m.set('k', 'v');
    const started = Date.now();
    expect(await m.call('WAIT', '1', '5000')).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000); // asked for the ack: not the 5 s timeout
    expect(await m.call('WAIT', '1', '0')).toBe(1);
    expect(await m.call('WAIT', '0', '0')).toBe(1);
  });

  it('times out with the count it got when fewer replicas acknowledged', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    await m.set('k', 'v');
    const started = Date.now();
    expect(await m.call('WAIT', '2', '300')).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers at once inside MULTI, and is refused on a replica with Redis error text', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    const tx = await m.multi().set('k', 'v').call('WAIT', '5', '0').exec();
    expect(tx?.[1]).toEqual([null, 0]);
    expect(await outcome(r, 'WAIT', '1', '0')).toMatch(/^ERR WAIT cannot be used with replica instances/);
    expect(await outcome(m, 'WAIT', '1', '-1')).toBe('ERR timeout is negative');
    expect(await outcome(m, 'WAIT', 'x', '1')).toBe('ERR value is not an integer or out of range');
  });
});
