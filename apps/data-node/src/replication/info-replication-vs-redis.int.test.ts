// INFO replication of a tessera master and its replica has the fields, in the order, of a real redis-server 7.0
// master and replica (monitoring tools and redis_exporter parse them), with values of the same kind.
import { startRedisServer, waitFor } from '@tessera/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { replicationInfo, startReplicatedNodes, waitForCaughtUp } from '../testing/replicated-nodes.js';

/** INFO replication as [field, value] pairs in order. */
async function fields(client: Redis): Promise<[string, string][]> {
  return Object.entries(await replicationInfo(client));
}

/** `ip=..,port=..` value as its keys. */
const keysOf = (value: string | undefined): string[] =>
  (value ?? '').split(',').map((part) => part.split('=')[0] ?? '');

describe('INFO replication compared with redis-server', () => {
  it('lists the same fields in the same order on the master and on the replica, with values of the same shape', async () => {
    await using redisMaster = await startRedisServer();
    await using redisReplica = await startRedisServer({
      args: ['--replicaof', '127.0.0.1', String(redisMaster.port)],
    });
    const rm = new Redis({ port: redisMaster.port, host: '127.0.0.1' });
    const rr = new Redis({ port: redisReplica.port, host: '127.0.0.1' });
    try {
      await waitFor('the redis replica link', async () =>
        (await replicationInfo(rr))['master_link_status'] === 'up' ? true : 'down',
      );
      await rm.set('k', 'v');
      await waitForCaughtUp(rm, rr);

      await using nodes = await startReplicatedNodes();
      const { masterClient: tm, replicaClient: tr } = nodes;
      await tm.set('k', 'v');
      await waitForCaughtUp(tm, tr);

      const [redisM, redisR, ourM, ourR] = await Promise.all([
        fields(rm),
        fields(rr),
        fields(tm),
        fields(tr),
      ]);
      expect(ourM.map(([name]) => name)).toEqual(redisM.map(([name]) => name));
      expect(ourR.map(([name]) => name)).toEqual(redisR.map(([name]) => name));
      const m = Object.fromEntries(ourM);
      expect(keysOf(m['slave0'])).toEqual(keysOf(Object.fromEntries(redisM)['slave0']));
      expect(m['slave0']).toMatch(/^ip=127\.0\.0\.1,port=\d+,state=online,offset=\d+,lag=\d+$/);
      for (const [name, value] of ourM) {
        const theirs = Object.fromEntries(redisM)[name] as string;
        if (/^-?\d+$/.test(theirs)) expect(value, name).toMatch(/^-?\d+$/);
      }
      const r = Object.fromEntries(ourR);
      expect(r).toMatchObject({
        role: 'slave',
        master_host: '127.0.0.1',
        master_link_status: 'up',
        master_sync_in_progress: '0',
        slave_priority: '100',
        slave_read_only: '1',
        replica_announced: '1',
        connected_slaves: '0',
      });
      expect(r['master_replid']).toBe(m['master_replid']);
      expect(r['repl_backlog_active']).toBe('1');
    } finally {
      rm.disconnect();
      rr.disconnect();
    }
  });
});
