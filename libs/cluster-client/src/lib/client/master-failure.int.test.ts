// A master of a real Redis Cluster (no replica) killed with SIGKILL: commands for its slots fail after a
// bounded number of retries with a typed error instead of hanging, the other masters answer CLUSTERDOWN
// once the cluster sees the failure (also bounded), and after the node restarts the client reconnects
// and serves every slot again.
import { setTimeout as sleep } from 'node:timers/promises';
import { keySlot } from '@tessera/slot';
import { startRedisCluster, type RedisClusterNode } from '@tessera/testing';
import { describe, expect, it } from 'vitest';
import {
  ConnectFailedError,
  ConnectionClosedError,
  ConnectionError,
  MaxRedirectionsError,
} from '../errors.js';
import { ClusterDownError } from '../redirect/cluster-down-error.js';
import { ClusterClient } from './cluster-client.js';

describe('master failure', () => {
  it('fails fast with typed errors while a master is dead, and recovers when it restarts', async () => {
    await using cluster = await startRedisCluster({ masters: 3, nodeTimeoutMs: 1000 });
    await using client = await ClusterClient.connect({
      seeds: cluster.seeds,
      maxRedirections: 5,
      connectionRetryDelayMs: 20,
      clusterDownDelayMs: 20,
      maxRetryDelayMs: 200,
      reconnectBaseDelayMs: 10,
      reconnectMaxDelayMs: 100,
      commandTimeoutMs: 3000,
      connectTimeoutMs: 1000,
    });
    const victim = cluster.nodes[2] as RedisClusterNode;
    const keys = Array.from({ length: 300 }, (_, i) => `key:${i}`);
    const onVictim = keys.find((key) => client.slotOwner(keySlot(key))?.port === victim.port) as string;
    const elsewhere = keys.find((key) => client.slotOwner(keySlot(key))?.port !== victim.port) as string;
    expect(await client.set(onVictim, 'before')).toBe('OK');
    expect(await client.set(elsewhere, 'before')).toBe('OK');

    // Freeze the master so that commands are in flight (written, unanswered) when it dies.
    victim.process.signal('SIGSTOP');
    const read = client.get(onVictim).catch((e: unknown) => e);
    const write = client.set(onVictim, 'during').catch((e: unknown) => e);
    await sleep(100);
    await victim.kill('SIGKILL');

    // The read is resent (after refreshes and backoff) until the bound, then fails with the last cause.
    const readError = await read;
    expect(readError).toBeInstanceOf(MaxRedirectionsError);
    expect((readError as Error).cause).toBeInstanceOf(ConnectionError);
    expect(client.stats().redirects.connection).toBeGreaterThanOrEqual(6);
    // The write may have run before the node died, so it is not resent: its connection error comes back.
    expect(await write).toBeInstanceOf(ConnectionClosedError);
    // A write that never left (connection refused) is resent like a read, within the same bound.
    const refused = await client.set(onVictim, 'later').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MaxRedirectionsError);
    expect((refused as Error).cause).toBeInstanceOf(ConnectFailedError);

    await cluster.waitForState('fail');
    const down = await client.get(elsewhere).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(MaxRedirectionsError);
    expect((down as Error).cause).toBeInstanceOf(ClusterDownError);
    expect(client.stats().redirects.clusterdown).toBeGreaterThanOrEqual(6);

    await victim.restart();
    await cluster.waitForState('ok');
    expect(await client.get(elsewhere)).toBe('before');
    expect(await client.set(onVictim, 'after')).toBe('OK'); // the node restarted empty (no persistence)
    expect(await client.get(onVictim)).toBe('after');
    expect(await cluster.call(victim.port, 'GET', onVictim)).toBe('after');
  }, 60_000);
});
