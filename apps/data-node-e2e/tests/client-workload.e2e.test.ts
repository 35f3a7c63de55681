// Real clients against the data-node: ioredis and node-redis (standalone) run the same mixed workload over
// every data type against a data-node process and a redis-server, with no errors and identical results;
// pipelines, transactions and pub/sub go through each client's own API.
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { runMixedWorkload, type WorkloadClient } from '../src/mixed-workload.js';
import { useServerPair } from '../src/server-pair.js';

const servers = useServerPair();

async function withIoredis<T>(port: number, body: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  await client.connect();
  try {
    return await body(client);
  } finally {
    client.disconnect();
  }
}

async function withNodeRedis<T>(
  port: number,
  resp: 2 | 3,
  body: (client: ReturnType<typeof createClient>) => Promise<T>,
): Promise<T> {
  const client = createClient({ socket: { port, host: '127.0.0.1', reconnectStrategy: false }, RESP: resp });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.quit().catch(() => client.disconnect());
  }
}

describe('ioredis', () => {
  it('runs the mixed workload with the same results as redis-server', async () => {
    const run = (port: number) =>
      withIoredis(port, (c) =>
        runMixedWorkload({ call: (...args) => c.call(args[0] as string, ...args.slice(1)) }),
      );
    const [ours, theirs] = await Promise.all([run(servers().dataNode.port), run(servers().redis.port)]);
    expect(ours.filter(([, r]) => typeof r === 'object' && r !== null && 'error' in r)).toEqual(
      theirs.filter(([, r]) => typeof r === 'object' && r !== null && 'error' in r),
    );
    expect(ours).toEqual(theirs);
  });

  it('runs pipelines and MULTI/EXEC through its own API', async () => {
    const run = (port: number) =>
      withIoredis(port, async (c) => {
        await c.flushall();
        const piped = await c
          .pipeline()
          .set('a', '1')
          .incr('a')
          .get('a')
          .lpush('l', 'x', 'y')
          .lrange('l', 0, -1)
          .exec();
        const tx = await c.multi().set('b', '2').incrby('b', 5).hset('h', 'f', 'v').hgetall('h').exec();
        return { piped, tx };
      });
    const [ours, theirs] = await Promise.all([run(servers().dataNode.port), run(servers().redis.port)]);
    expect(ours).toEqual(theirs);
  });

  it('receives published messages on a subscriber connection', async () => {
    await withIoredis(servers().dataNode.port, async (publisher) => {
      const subscriber = new Redis({ port: servers().dataNode.port, host: '127.0.0.1' });
      try {
        const received = new Promise<[string, string]>((resolve) =>
          subscriber.on('message', (ch: string, msg: string) => resolve([ch, msg])),
        );
        await subscriber.subscribe('events');
        expect(await publisher.publish('events', 'hello')).toBe(1);
        expect(await received).toEqual(['events', 'hello']);
      } finally {
        subscriber.disconnect();
      }
    });
  });
});

describe('node-redis', () => {
  for (const resp of [2, 3] as const) {
    it(`runs the mixed workload over RESP${resp} with the same results as redis-server`, async () => {
      const run = (port: number) =>
        withNodeRedis(port, resp, (c) => {
          const client: WorkloadClient = { call: (...args) => c.sendCommand(args) };
          return runMixedWorkload(client, 200, 11);
        });
      const [ours, theirs] = await Promise.all([run(servers().dataNode.port), run(servers().redis.port)]);
      expect(ours).toEqual(theirs);
    });
  }

  it('receives RESP3 pushes for pub/sub', async () => {
    await withNodeRedis(servers().dataNode.port, 3, async (publisher) => {
      const subscriber = publisher.duplicate();
      subscriber.on('error', () => undefined);
      await subscriber.connect();
      try {
        let deliver: (message: string) => void = () => undefined;
        const received = new Promise<string>((resolve) => (deliver = resolve));
        await subscriber.subscribe('news', (message) => deliver(message));
        expect(await publisher.publish('news', 'flash')).toBe(1);
        expect(await received).toBe('flash');
      } finally {
        await subscriber.quit().catch(() => subscriber.disconnect());
      }
    });
  });
});
