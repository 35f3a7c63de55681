// Hashes and sets through real client libraries over real sockets: a data-node started in-process on port 0,
// driven by ioredis (RESP2) and node-redis (RESP3), including full HSCAN/SSCAN iterations of large
// collections changed while they are scanned. Assertions are on what the clients return.
import { describe, expect, it } from 'vitest';
import { useInProcessNode } from '../../testing/in-process-node.js';

const node = useInProcessNode();

describe('ioredis', () => {
  it('writes and reads a hash as an object, with counters', async () => {
    await using redis = node().ioredis();
    await redis.hset('io:h', { name: 'Ann', age: '33' });
    expect(await redis.hgetall('io:h')).toEqual({ name: 'Ann', age: '33' });
    expect(await redis.hincrby('io:h', 'age', 1)).toBe(34);
    expect(await redis.hincrbyfloat('io:h', 'score', '10.5')).toBe('10.5');
    expect(await redis.hmget('io:h', 'name', 'missing')).toEqual(['Ann', null]);
    expect(await redis.hrandfield('io:h', -3)).toHaveLength(3);
  });

  it('collects every field with hscanStream while fields are added and deleted', async () => {
    await using redis = node().ioredis();
    await using writer = node().ioredis();
    const fields: string[] = [];
    for (let i = 0; i < 3000; i++) fields.push(`f${i}`, `v${i}`);
    await redis.hset('io:hscan', ...fields);
    const seen = new Set<string>();
    let page = 0;
    for await (const items of redis.hscanStream('io:hscan', { count: 100 }) as AsyncIterable<string[]>) {
      for (let i = 0; i < items.length; i += 2) seen.add(items[i] as string);
      await writer.hset('io:hscan', `new${page}`, 'x');
      await writer.hdel('io:hscan', `f${2000 + page++}`);
    }
    for (let i = 0; i < 2000; i++) expect(seen.has(`f${i}`)).toBe(true);
  });

  it('runs set algebra and collects every member with sscanStream', async () => {
    await using redis = node().ioredis();
    await redis.sadd('io:a', 'x', 'y', 'z');
    await redis.sadd('io:b', 'y', 'z', 'w');
    expect((await redis.sinter('io:a', 'io:b')).sort()).toEqual(['y', 'z']);
    expect(await redis.sintercard(2, 'io:a', 'io:b')).toBe(2);
    expect(await redis.smove('io:a', 'io:b', 'x')).toBe(1);
    expect(await redis.smismember('io:b', 'x', 'nope')).toEqual([1, 0]);
    const members = Array.from({ length: 2500 }, (_, i) => `m${i}`);
    await redis.sadd('io:sscan', ...members);
    const seen = new Set<string>();
    for await (const page of redis.sscanStream('io:sscan', { count: 50 }) as AsyncIterable<string[]>) {
      for (const m of page) seen.add(m);
    }
    expect(seen).toEqual(new Set(members));
  });
});

describe('node-redis over RESP3', () => {
  it('reads a hash as a map-backed object and random fields with values as pairs', async () => {
    await using client = await node().nodeRedis();
    await client.hSet('nr:h', { a: '1', b: '2' });
    expect({ ...(await client.hGetAll('nr:h')) }).toEqual({ a: '1', b: '2' });
    const pairs = await client.hRandFieldCountWithValues('nr:h', -4);
    expect(pairs).toHaveLength(4);
    for (const { field, value } of pairs) expect(value).toBe(field === 'a' ? '1' : '2');
    expect(await client.hExists('nr:h', 'a')).toBe(1);
  });

  it('reads sets, pops members and iterates with sScanIterator', async () => {
    await using client = await node().nodeRedis();
    await client.sAdd('nr:s', ['3', '1', '2']);
    expect(await client.sMembers('nr:s')).toEqual(['1', '2', '3']);
    expect(await client.sPopCount('nr:s', 5)).toEqual(['1', '2', '3']);
    expect(await client.exists('nr:s')).toBe(0);
    const members = Array.from({ length: 1500 }, (_, i) => `m${i}`);
    await client.sAdd('nr:big', members);
    const seen = new Set<string>();
    for await (const page of client.sScanIterator('nr:big', { COUNT: 64 })) for (const m of page) seen.add(m);
    expect(seen).toEqual(new Set(members));
  });
});
