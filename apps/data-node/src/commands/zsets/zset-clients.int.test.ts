// Sorted sets through real client libraries over real sockets: a data-node started in-process on port 0,
// driven by ioredis (RESP2) and node-redis (RESP3), including blocking pops woken from another connection
// and a full ZSCAN iteration. Assertions are on what the clients return.
import { describe, expect, it } from 'vitest';
import { useInProcessNode } from '../../testing/in-process-node.js';

const node = useInProcessNode();
const ioredis = () => node().ioredis();
const nodeRedis = () => node().nodeRedis();

describe('ioredis', () => {
  it('reads ranges with scores and member ranks', async () => {
    await using redis = ioredis();
    await redis.zadd('io:z', 1, 'a', 2.5, 'b', -1, 'c');
    expect(await redis.zrange('io:z', 0, -1, 'WITHSCORES')).toEqual(['c', '-1', 'a', '1', 'b', '2.5']);
    expect(await redis.zrangebyscore('io:z', '(0', '+inf')).toEqual(['a', 'b']);
    expect(await redis.zrevrank('io:z', 'c')).toBe(2);
    expect(await redis.zincrby('io:z', '0.1', 'a')).toBe('1.1000000000000001');
  });

  it('is woken from BZPOPMIN by a ZADD on another connection', async () => {
    await using waiter = ioredis();
    await using writer = ioredis();
    const popped = waiter.bzpopmin('io:wake', 'io:other', 0);
    await node().blockedClients(1);
    await writer.zadd('io:wake', 5, 'x', 3, 'y');
    expect(await popped).toEqual(['io:wake', 'y', '3']);
    expect(await writer.zcard('io:wake')).toBe(1);
  });

  it('gets a null from BZMPOP when the timeout passes', async () => {
    await using redis = ioredis();
    expect(await redis.call('BZMPOP', '0.05', '1', 'io:never', 'MIN')).toBeNull();
  });

  it('collects every member with zscanStream', async () => {
    await using redis = ioredis();
    const args: (string | number)[] = [];
    for (let i = 0; i < 3000; i++) args.push(i % 17, `m${i}`);
    await redis.zadd('io:scan', ...args);
    const seen = new Set<string>();
    for await (const page of redis.zscanStream('io:scan', { count: 100 }) as AsyncIterable<string[]>) {
      for (let i = 0; i < page.length; i += 2) seen.add(page[i] as string);
    }
    expect(seen.size).toBe(3000);
  });
});

describe('node-redis over RESP3', () => {
  it('reads scores as numbers and pops pairs', async () => {
    await using client = await nodeRedis();
    await client.zAdd('nr:z', [
      { score: 1, value: 'a' },
      { score: 2, value: 'b' },
      { score: Infinity, value: 'c' },
    ]);
    expect(await client.zRangeWithScores('nr:z', 0, -1)).toEqual([
      { value: 'a', score: 1 },
      { value: 'b', score: 2 },
      { value: 'c', score: Infinity },
    ]);
    expect(await client.zScore('nr:z', 'b')).toBe(2);
    expect(await client.zPopMax('nr:z')).toEqual({ value: 'c', score: Infinity });
    expect(await client.zmPop('nr:z', 'MIN', { COUNT: 5 })).toEqual({
      key: 'nr:z',
      members: [
        { value: 'a', score: 1 },
        { value: 'b', score: 2 },
      ],
    });
    expect(await client.exists('nr:z')).toBe(0);
  });
});
