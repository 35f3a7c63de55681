// The two servers every comparison suite runs against: the built data-node and a real redis-server 7, both
// as processes on free ports, started before the file's tests and stopped after them.
import { startDataNode, startRedisServer, type RunningServer } from '@tessera/testing';
import { afterAll, beforeAll } from 'vitest';

export interface ServerPair {
  readonly dataNode: RunningServer;
  readonly redis: RunningServer;
}

/**
 * Registers the beforeAll/afterAll hooks of the calling scope (call it at the top level of a test file) and
 * returns the running pair, to be called inside tests.
 */
export function useServerPair(): () => ServerPair {
  let pair: ServerPair | undefined;
  beforeAll(async () => {
    const [dataNode, redis] = await Promise.all([startDataNode(), startRedisServer()]);
    pair = { dataNode, redis };
  });
  afterAll(async () => {
    await Promise.all([pair?.dataNode.stop(), pair?.redis.stop()]);
  });
  return () => {
    if (pair === undefined) throw new Error('the data-node and redis-server run only inside tests');
    return pair;
  };
}
