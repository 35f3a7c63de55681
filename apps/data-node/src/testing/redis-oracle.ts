// One real redis-server 7 per test file, the oracle that specs and behaviour are compared with: started on a
// free port before the file's tests (no persistence, via @tessera/testing) and stopped after them, with one
// ioredis client. Test support only: production code never imports src/testing.
import { startRedisServer, type RunningServer } from '@tessera/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers the beforeAll/afterAll hooks of the calling scope (call it at the top level of a test file) and
 * returns the client of the running redis-server, to be called inside tests.
 */
export function useRedisOracle(): () => Redis {
  let server: RunningServer | undefined;
  let redis: Redis | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis({ port: server.port, host: '127.0.0.1' });
    await redis.ping();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });
  return () => {
    if (redis === undefined) throw new Error('the redis-server oracle runs only inside tests');
    return redis;
  };
}
