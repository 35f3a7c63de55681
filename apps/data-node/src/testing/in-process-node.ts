// A real data-node in this process, listening on a free port of 127.0.0.1, built by createDataNode exactly as
// main.ts builds it (silent logger): for socket tests with real client libraries. AsyncDisposable, with
// disposable clients of both libraries. Test support only: production code never imports src/testing.
import { createRootLogger } from '@tessera/telemetry';
import { Redis, type RedisOptions } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { createDataNode, type CreateDataNodeOptions, type DataNode } from '../app/create-data-node.js';
import { ConfigStore } from '../config/config-store.js';

/** A connected node-redis client speaking RESP3, destroyed on dispose. */
export type NodeRedisClient = Awaited<ReturnType<typeof connectNodeRedis>>;

export interface InProcessNode extends DataNode, AsyncDisposable {
  /** A new ioredis client (RESP2) of this node, disconnected on dispose. */
  ioredis(options?: RedisOptions): Redis & AsyncDisposable;
  /** A new node-redis client (RESP3) of this node, connected, destroyed on dispose. */
  nodeRedis(): Promise<NodeRedisClient>;
  /** Resolves once the node counts exactly `n` blocked clients, so a push made next finds them waiting. */
  blockedClients(n: number): Promise<void>;
}

/**
 * Starts a node with `directives` applied as on its command line (`{ requirepass: 's3cret' }`) over
 * `port 0` and `bind 127.0.0.1`.
 */
export async function startInProcessNode(
  directives: Record<string, string> = {},
  options: Partial<Pick<CreateDataNodeOptions, 'replication' | 'logger'>> = {},
): Promise<InProcessNode> {
  const config = new ConfigStore();
  for (const [name, value] of Object.entries({ port: '0', bind: '127.0.0.1', ...directives }))
    config.set(name, value, true);
  const node = await createDataNode({
    config,
    logger: options.logger ?? createRootLogger({ service: 'data-node', level: 'silent' }),
    ...(options.replication === undefined ? {} : { replication: options.replication }),
  });
  return Object.assign(node, {
    ioredis(options: RedisOptions = {}) {
      const redis = new Redis({ port: node.port, host: '127.0.0.1', ...options });
      return Object.assign(redis, { [Symbol.asyncDispose]: async () => void redis.disconnect() });
    },
    nodeRedis: () => connectNodeRedis(node.port),
    async blockedClients(n: number) {
      while (node.state.blocking.blockedClients !== n) await new Promise((r) => setImmediate(r));
    },
    [Symbol.asyncDispose]: () => node.close(),
  });
}

/**
 * Starts one node for the calling scope's tests (beforeAll, closed in afterAll; call it at the top level of a
 * test file) and returns it, to be called inside tests.
 */
export function useInProcessNode(directives: Record<string, string> = {}): () => InProcessNode {
  let node: InProcessNode | undefined;
  beforeAll(async () => {
    node = await startInProcessNode(directives);
  });
  afterAll(async () => {
    await node?.close();
  });
  return () => {
    if (node === undefined) throw new Error('the in-process data-node runs only inside tests');
    return node;
  };
}

async function connectNodeRedis(port: number) {
  const client = createClient({ socket: { port, host: '127.0.0.1', reconnectStrategy: false }, RESP: 3 });
  await client.connect();
  return Object.assign(client, { [Symbol.asyncDispose]: async () => void client.destroy() });
}
