// A replica whose link drops resumes from its offset when the master's backlog still holds every byte since
// (partial resync: no snapshot), and copies everything again when it does not (the backlog overflowed).
import { status } from '@grpc/grpc-js';
import { waitFor } from '@tessera/testing';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import {
  digest,
  replicationInfo,
  startReplicatedNodes,
  waitForCaughtUp,
  waitForLinkUp,
} from '../testing/replicated-nodes.js';
import { startWriteLoad } from '../testing/write-load.js';

async function stat(client: Redis, name: string): Promise<number> {
  const match = new RegExp(`${name}:(\\d+)`).exec(await client.info('stats'));
  return Number(match?.[1] ?? -1);
}

describe('resync after the link drops', () => {
  it('resumes from the backlog when the link was cut briefly (partial resync, writes meanwhile kept)', async () => {
    await using nodes = await startReplicatedNodes();
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    const load = startWriteLoad(m, 'cut');
    await new Promise((resolve) => setTimeout(resolve, 200));
    nodes.master.state.replication.hub.closeAll(status.UNAVAILABLE, 'test: link cut');
    await waitFor('a partial resync', async () =>
      (await stat(m, 'sync_partial_ok')) === 1 ? true : 'not yet',
    );
    await waitForLinkUp(r);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await load.stop();
    await waitForCaughtUp(m, r);
    expect(await digest(r)).toBe(await digest(m));
    expect(await stat(m, 'sync_full')).toBe(1);
    expect(await stat(m, 'sync_partial_ok')).toBe(1);
    expect(await stat(m, 'sync_partial_err')).toBe(0);
  });

  it('falls back to a full sync when the writes made during the cut overflowed the backlog', async () => {
    await using nodes = await startReplicatedNodes({
      masterDirectives: { 'repl-backlog-size': '16384' },
      // The replica stays away for at least a second: time for the master to overflow its backlog.
      replicaReplication: { linkTiming: { reconnect: { initialMs: 1500, maxMs: 1500, jitter: 0 } } },
    });
    const { masterClient: m, replicaClient: r } = nodes;
    await waitForCaughtUp(m, r);
    await m.set('before', 'cut');
    await waitForCaughtUp(m, r);
    nodes.master.state.replication.hub.closeAll(status.UNAVAILABLE, 'test: link cut');
    const pipeline = m.pipeline();
    for (let i = 0; i < 300; i++) pipeline.set(`overflow:${i}`, 'x'.repeat(100));
    await pipeline.exec();
    const info = await replicationInfo(m);
    expect(Number(info['repl_backlog_first_byte_offset'])).toBeGreaterThan(1); // older bytes fell out
    await waitForCaughtUp(m, r);
    expect(await digest(r)).toBe(await digest(m));
    expect(await stat(m, 'sync_full')).toBe(2);
    expect(await stat(m, 'sync_partial_err')).toBe(1);
  });
});
