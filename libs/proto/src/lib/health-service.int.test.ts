import { Metadata, Server, ServerCredentials, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthClient,
  type HealthCheckResponse,
} from '../gen/grpc/health/v1/health.js';
import { HealthStatusRegistry } from './health-service.js';

const SERVICE = 'tessera.cluster.v1.ClusterBusService';

async function startHealthServer(registry: HealthStatusRegistry) {
  const server = new Server();
  registry.addToServer(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const client = new HealthClient(`127.0.0.1:${port}`, credentials.createInsecure());
  return {
    client,
    [Symbol.asyncDispose]: async () => {
      client.close();
      server.forceShutdown();
    },
  };
}

function check(client: HealthClient, service: string): Promise<HealthCheckResponse | number> {
  return new Promise((resolve) =>
    client.check(
      { service },
      new Metadata(),
      { deadline: Date.now() + 5_000 },
      (error: ServiceError | null, reply) => resolve(error ? error.code : reply),
    ),
  );
}

/** Collects the statuses a Watch stream sends, resolving each time `count` have arrived. */
function watch(client: HealthClient, service: string) {
  const stream = client.watch({ service });
  const seen: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  stream.on('data', (reply: HealthCheckResponse) => {
    seen.push(reply.status);
    for (const waiter of waiters.filter((w) => seen.length >= w.count)) waiter.resolve();
  });
  stream.on('error', () => undefined);
  return {
    seen,
    until: (count: number) =>
      new Promise<void>((resolve) => (seen.length >= count ? resolve() : waiters.push({ count, resolve }))),
    cancel: () => stream.cancel(),
  };
}

describe('grpc.health.v1 over a real grpc-js connection', () => {
  it('answers Check for the whole server and a named service, and NOT_FOUND for an unknown one', async () => {
    const registry = new HealthStatusRegistry({
      '': ServingStatus.SERVING,
      [SERVICE]: ServingStatus.NOT_SERVING,
    });
    await using health = await startHealthServer(registry);
    expect(await check(health.client, '')).toEqual({ status: ServingStatus.SERVING });
    expect(await check(health.client, SERVICE)).toEqual({ status: ServingStatus.NOT_SERVING });
    expect(await check(health.client, 'tessera.nope.v1.Nope')).toBe(status.NOT_FOUND);
  });

  it('streams the current status on Watch, then each change, and NOT_SERVING on shutdown', async () => {
    const registry = new HealthStatusRegistry({ [SERVICE]: ServingStatus.NOT_SERVING });
    await using health = await startHealthServer(registry);
    const watcher = watch(health.client, SERVICE);
    await watcher.until(1);
    registry.setStatus(SERVICE, ServingStatus.SERVING);
    registry.setStatus(SERVICE, ServingStatus.SERVING);
    await watcher.until(2);
    registry.shutdown();
    await watcher.until(3);
    expect(watcher.seen).toEqual([
      ServingStatus.NOT_SERVING,
      ServingStatus.SERVING,
      ServingStatus.NOT_SERVING,
    ]);
  });

  it('answers SERVICE_UNKNOWN on Watch of an unknown service and keeps the stream for when it appears', async () => {
    const registry = new HealthStatusRegistry();
    await using health = await startHealthServer(registry);
    const watcher = watch(health.client, SERVICE);
    await watcher.until(1);
    registry.setStatus(SERVICE, ServingStatus.SERVING);
    await watcher.until(2);
    watcher.cancel();
    expect(watcher.seen).toEqual([ServingStatus.SERVICE_UNKNOWN, ServingStatus.SERVING]);
  });

  it('starts with the whole server SERVING by default', () => {
    expect(new HealthStatusRegistry().getStatus('')).toBe(ServingStatus.SERVING);
  });
});
