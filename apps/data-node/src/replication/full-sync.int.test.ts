// A replica's full sync: the master's whole keyspace (values and TTLs) copied from a snapshot that stands for
// one offset while the master keeps taking writes, then the stream from that offset, so that both end with
// the same dataset (DEBUG DIGEST compares keys, values and TTLs).
import { describe, expect, it } from 'vitest';
import {
  digest,
  replicationInfo,
  startReplicatedNodes,
  waitForCaughtUp,
  waitForLinkUp,
} from '../testing/replicated-nodes.js';
import { startWriteLoad } from '../testing/write-load.js';

describe('full sync', () => {
  it('copies a dataset with TTLs while writes continue, and ends with the same digest as the master', async () => {
    await using nodes = await startReplicatedNodes({ detached: true });
    const { masterClient: m, replicaClient: r } = nodes;
    // 30,000 keys of every type, a third with a TTL, written before the replica exists.
    for (let batch = 0; batch < 30; batch++) {
      const pipeline = m.pipeline();
      for (let i = batch * 1000; i < (batch + 1) * 1000; i++) {
        if (i % 5 === 0) pipeline.rpush(`list:${i}`, 'a', 'b', `${i}`);
        else if (i % 5 === 1) pipeline.hset(`hash:${i}`, 'f', `${i}`, 'g', 'x');
        else if (i % 5 === 2) pipeline.zadd(`zset:${i}`, i, 'm', -i, 'n');
        else if (i % 5 === 3) pipeline.sadd(`set:${i}`, 'a', `${i}`);
        else pipeline.set(`str:${i}`, `value-${i}`);
        const key = [`list:${i}`, `hash:${i}`, `zset:${i}`, `set:${i}`, `str:${i}`][i % 5] as string;
        if (i % 3 === 0) pipeline.pexpire(key, 3_600_000 + i);
      }
      await pipeline.exec();
    }
    const load = startWriteLoad(m, 'live');
    nodes.replicate();
    await waitForLinkUp(r);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the live stream, still under load
    const sent = await load.stop();
    expect(sent).toBeGreaterThan(0);
    await waitForCaughtUp(m, r);
    expect(await r.dbsize()).toBe(await m.dbsize());
    expect(await digest(r)).toBe(await digest(m));
    const stats = await m.info('stats');
    expect(stats).toContain('sync_full:1');
  });

  it('streams writes made after the sync: the replica answers them with READONLY', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    await m.set('k', 'v');
    await m.set('t', 'x', 'EX', 1000);
    await m.rpush('l', 'a', 'b', 'c');
    await waitForCaughtUp(m, r);
    expect(await r.call('READONLY')).toBe('OK');
    expect(await r.get('k')).toBe('v');
    expect(await r.lrange('l', 0, -1)).toEqual(['a', 'b', 'c']);
    expect(await r.ttl('t')).toBeGreaterThan(990);
    expect(await digest(r)).toBe(await digest(m));
    const info = await replicationInfo(r);
    expect(info).toMatchObject({ role: 'slave', master_link_status: 'up', master_sync_in_progress: '0' });
  });
});
