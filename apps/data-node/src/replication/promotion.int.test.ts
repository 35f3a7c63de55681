// A replica promoted by the topology (failover) keeps its data and offset and takes writes; since it keeps its
// former master's replication id as replid2 (PSYNC2), its former sibling and the demoted former master resume
// from its backlog instead of copying everything again; a node demoted with writes its new master never got
// copies everything.
import { describe, expect, it } from 'vitest';
import {
  MASTER_ID,
  REPLICA_IDS,
  digest,
  masterWithReplicasText,
  replicationInfo,
  startReplicatedNodes,
  waitForCaughtUp,
} from '../testing/replicated-nodes.js';
import { startWriteLoad } from '../testing/write-load.js';

async function stat(client: { info(section: string): Promise<string> }, name: string): Promise<number> {
  return Number(new RegExp(`${name}:(\\d+)`).exec(await client.info('stats'))?.[1] ?? -1);
}

describe('promotion', () => {
  it('keeps the data, takes writes, and lets the sibling and the old master resume with a partial resync', async () => {
    await using nodes = await startReplicatedNodes({ replicas: 2 });
    const { master, replicas, masterClient: m, replicaClients } = nodes;
    const [r1, r2] = replicaClients as [typeof m, typeof m];
    // No active expiry on the master: its offset must not move between the check below and the promotion.
    expect(await m.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toBe('OK');
    const load = startWriteLoad(m, 'before');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load.stop();
    await waitForCaughtUp(m, r1);
    await waitForCaughtUp(m, r2);
    const before = await replicationInfo(m);
    const dataBefore = await digest(m);

    // r1 becomes the master (as a failover's new configuration says); the others follow it.
    const newMaster = { id: REPLICA_IDS[0], port: (replicas[0] as typeof master).port };
    nodes.load((myself) =>
      masterWithReplicasText(myself, newMaster, [
        { id: MASTER_ID, port: master.port },
        { id: REPLICA_IDS[1], port: (replicas[1] as typeof master).port },
      ]),
    );
    expect(await digest(r1)).toBe(dataBefore);
    expect(await r1.set('after', 'promotion')).toBe('OK');
    const promoted = await replicationInfo(r1);
    expect(promoted).toMatchObject({
      role: 'master',
      master_replid2: before['master_replid'],
      second_repl_offset: String(Number(before['master_repl_offset']) + 1),
    });
    expect(promoted['master_replid']).not.toBe(before['master_replid']);

    await waitForCaughtUp(r1, r2);
    await waitForCaughtUp(r1, m);
    expect(await digest(r2)).toBe(await digest(r1));
    expect(await digest(m)).toBe(await digest(r1));
    expect(await stat(r1, 'sync_partial_ok')).toBe(2);
    expect(await stat(r1, 'sync_full')).toBe(0);
    expect((await replicationInfo(m))['role']).toBe('slave');
    expect((await replicationInfo(r2))['master_replid2']).toBe(before['master_replid']);
  });

  it('copies everything to a demoted master that took writes the new master never got', async () => {
    await using nodes = await startReplicatedNodes();
    const { master, replica, masterClient: m, replicaClient: r } = nodes;
    await m.set('k', 'v');
    await waitForCaughtUp(m, r);
    // The replica is cut off and promoted; the old master goes on writing meanwhile (a partition).
    nodes.load((myself) =>
      myself === MASTER_ID
        ? masterWithReplicasText(myself, { id: MASTER_ID, port: master.port }, [])
        : masterWithReplicasText(myself, { id: REPLICA_IDS[0], port: replica.port }, []),
    );
    await m.set('lost', 'write');
    await r.set('new', 'master');
    nodes.load((myself) =>
      masterWithReplicasText(myself, { id: REPLICA_IDS[0], port: replica.port }, [
        { id: MASTER_ID, port: master.port },
      ]),
    );
    await waitForCaughtUp(r, m);
    expect(await stat(r, 'sync_partial_err')).toBe(1);
    expect(await stat(r, 'sync_full')).toBe(1);
    await m.call('READONLY');
    expect(await m.get('lost')).toBeNull();
    expect(await m.get('new')).toBe('master');
    expect(await digest(m)).toBe(await digest(r));
  });
});
