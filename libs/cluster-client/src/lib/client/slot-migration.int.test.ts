// A slot moved mid-test on a real Redis Cluster with the protocol redis-cli --cluster reshard uses
// (SETSLOT IMPORTING/MIGRATING, MIGRATE, SETSLOT NODE): the client follows ASK while the slot is half
// moved and MOVED once it has moved, while a background writer keeps working without an error.
import { setTimeout as sleep } from 'node:timers/promises';
import { keySlot } from '@tessera/slot';
import { startRedisCluster } from '@tessera/testing';
import { describe, expect, it } from 'vitest';
import type { NodeAddress } from '../topology/node-address.js';
import { ClusterClient } from './cluster-client.js';

describe('slot migration', () => {
  it('follows ASK during a migration and MOVED after it, losing no write', async () => {
    await using cluster = await startRedisCluster({ masters: 3 });
    await using client = await ClusterClient.connect({ seeds: cluster.seeds });
    const slot = keySlot('mig');
    const source = client.slotOwner(slot) as NodeAddress;
    const target = client.nodes().find((node) => node.address.key !== source.key)?.address as NodeAddress;
    const [sourceId, targetId] = await Promise.all([
      cluster.call(source.port, 'CLUSTER', 'MYID'),
      cluster.call(target.port, 'CLUSTER', 'MYID'),
    ]);
    await client.set('{mig}a', 'first');
    await client.set('{mig}b', 'second');

    // A writer that keeps incrementing a key of the slot through the whole move.
    let running = true;
    let increments = 0;
    const errors: unknown[] = [];
    const writer = (async () => {
      while (running) {
        try {
          await client.send(['INCR', '{mig}n']);
          increments++;
        } catch (error) {
          errors.push(error);
        }
        await sleep(2);
      }
    })();
    await sleep(50);

    await cluster.call(target.port, 'CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', String(sourceId));
    await cluster.call(source.port, 'CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', String(targetId));
    const migrate = (...keys: string[]) =>
      cluster.call(
        source.port,
        'MIGRATE',
        target.host,
        String(target.port),
        '',
        '0',
        '5000',
        'KEYS',
        ...keys,
      );
    expect(await migrate('{mig}a')).toBe('OK');

    // Half moved: {mig}a answers ASK from the source, {mig}b is still served there.
    expect(await client.get('{mig}a')).toBe('first');
    expect(client.stats().redirects.ask).toBeGreaterThanOrEqual(1);
    const askForA = client.stats().redirects.ask;
    expect(await client.set('{mig}new', 'created on the target')).toBe('OK');
    expect(client.stats().redirects.ask).toBeGreaterThan(askForA);
    const keysIn = async (port: number) =>
      (await cluster.call(port, 'CLUSTER', 'GETKEYSINSLOT', String(slot), '100')) as string[];
    expect(await keysIn(target.port)).toContain('{mig}new');
    expect(await keysIn(source.port)).not.toContain('{mig}new');
    await sleep(50);

    for (;;) {
      const keys = await keysIn(source.port);
      if (keys.length === 0) break;
      await migrate(...keys);
    }
    await cluster.call(target.port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', String(targetId));
    for (const node of client.nodes()) {
      if (node.address.key === target.key) continue;
      await cluster.call(node.address.port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', String(targetId));
    }

    // Moved: the source now answers MOVED; the client patches its table and goes to the target directly.
    const askBefore = client.stats().redirects.ask;
    expect(await client.get('{mig}b')).toBe('second');
    expect(client.stats().redirects.moved).toBeGreaterThanOrEqual(1);
    expect(client.slotOwner(slot)).toEqual(target);
    const movedAfter = client.stats().redirects.moved;
    expect(await client.get('{mig}new')).toBe('created on the target');
    expect(client.stats().redirects.moved).toBe(movedAfter);
    expect(client.stats().redirects.ask).toBe(askBefore);

    await sleep(50);
    running = false;
    await writer;
    expect(errors).toEqual([]);
    expect(increments).toBeGreaterThan(10);
    expect(await client.get('{mig}n')).toBe(String(increments));
    expect(await cluster.call(target.port, 'GET', '{mig}n')).toBe(String(increments));
  }, 60_000);
});
