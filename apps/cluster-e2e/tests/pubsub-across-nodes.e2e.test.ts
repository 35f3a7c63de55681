// Pub/sub across a 3-master tessera cluster formed by redis-cli: PUBLISH on one node reaches subscribers on
// every node (through the gossip-agents' bus, in publish order), and its reply counts only the local
// receivers as Redis's does; SPUBLISH is served by the channel's slot owner and reaches that shard's
// subscribers only.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot } from '@tessera/slot';
import { myselfOf, startTesseraCluster, type TesseraCluster } from '@tessera/testing';

let cluster: TesseraCluster;
let ranges: (readonly (readonly [number, number])[])[];
const opened: Redis[] = [];

beforeAll(async () => {
  cluster = await startTesseraCluster({ masters: 3 });
  ranges = await Promise.all(
    cluster.nodes.map(async (_, i) => myselfOf(await cluster.clusterNodes(i)).slots),
  );
});

afterAll(async () => {
  for (const client of opened) client.disconnect();
  await cluster?.close();
});

function connect(i: number): Redis {
  const client = new Redis({ port: cluster.node(i).port, host: '127.0.0.1' });
  opened.push(client);
  return client;
}

function ownerOf(channel: string): number {
  const slot = keySlot(channel);
  return ranges.findIndex((owned) => owned.some(([start, end]) => slot >= start && slot <= end));
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('pub/sub in a tessera cluster', () => {
  it('PUBLISH on one node reaches subscribers on every node, in order, and replies with the local count', async () => {
    const received: string[][] = [[], [], []];
    for (const i of [0, 1, 2]) {
      const subscriber = connect(i);
      await subscriber.subscribe('news');
      subscriber.on('message', (_channel: string, message: string) => received[i]?.push(message));
    }
    const publisher = connect(0);
    const replies: number[] = [];
    for (let n = 0; n < 50; n++) replies.push(await publisher.publish('news', `m${n}`));
    const expected = Array.from({ length: 50 }, (_, n) => `m${n}`);
    await until('every subscriber got all 50 messages', () => received.every((got) => got.length === 50));
    expect(received).toEqual([expected, expected, expected]);
    expect(new Set(replies)).toEqual(new Set([1])); // only node 0's own subscriber counts
  });

  it('SPUBLISH reaches the subscribers of the channel slot shard only', async () => {
    const channel = 'shard-news';
    const owner = ownerOf(channel);
    const other = [0, 1, 2].find((i) => i !== owner) as number;
    const got: string[] = [];
    const subscriber = connect(owner);
    await subscriber.ssubscribe(channel);
    subscriber.on('smessage', (_channel: string, message: string) => got.push(message));
    const elsewhere = connect(other);
    await expect(elsewhere.call('SSUBSCRIBE', channel)).rejects.toThrow(/^MOVED /);
    const publisher = connect(owner);
    expect(await publisher.call('SPUBLISH', channel, 'hello')).toBe(1);
    await until('the shard subscriber got it', () => got.length === 1);
    const wrongNode = connect(other);
    await expect(wrongNode.call('SPUBLISH', channel, 'x')).rejects.toThrow(/^MOVED /);
    expect(got).toEqual(['hello']);
  });
});
