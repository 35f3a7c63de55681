// Builds a running failover-coordinator from its options: the agent clients (cluster-secret proof on every
// call), the watch over the agents' views, the coordinator loop, and the gRPC server with
// FailoverCoordinatorService (authenticated) and grpc.health.v1. Wiring only.
import { randomBytes } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { ModelEnv } from '@tessera/cluster-model';
import {
  authenticatedService,
  deriveBusKey,
  FailoverCoordinatorServiceService,
  HealthStatusRegistry,
  ReplayGuard,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import { GrpcAgentCalls } from '../agents/agent-clients.js';
import { AgentWatch } from '../agents/agent-watch.js';
import type { CoordinatorOptions } from '../config/coordinator-options.js';
import { FailoverCoordinator } from '../coordinator/failover-coordinator.js';
import { coordinatorService } from '../grpc/coordinator-service.js';

export interface RunningCoordinator {
  readonly coordinatorId: string;
  readonly coordinator: FailoverCoordinator;
  /** The bound gRPC port. */
  readonly port: number;
  /** Stops polling, waits for elections in flight, closes the server and the agent channels. */
  close(): Promise<void>;
}

export async function createCoordinator(
  options: CoordinatorOptions,
  log: Logger,
): Promise<RunningCoordinator> {
  const coordinatorId = randomBytes(8).toString('hex');
  const env: ModelEnv = {
    clock: { now: Date.now },
    random: { uint32: () => randomBytes(4).readUInt32BE(0) },
  };
  const keys = [deriveBusKey(options.secret)];
  const calls = new GrpcAgentCalls(keys);
  const watch = new AgentWatch(options.agents, {
    calls,
    now: env.clock.now,
    pollDeadlineMs: Math.max(250, Math.min(1000, options.pollIntervalMs * 3)),
    log: log.child({ component: 'agents' }),
  });
  const coordinator = new FailoverCoordinator({
    coordinatorId,
    watch,
    calls,
    env,
    pollIntervalMs: options.pollIntervalMs,
    log: log.child({ component: 'election' }),
    onEvent: (event) =>
      log.info({ event: event.type, nodeId: event.nodeId, ...event.detail }, 'cluster event'),
  });

  const server = new Server();
  const service = authenticatedService(
    FailoverCoordinatorServiceService,
    coordinatorService(coordinatorId, coordinator, watch),
    {
      keys,
      replayGuard: new ReplayGuard(),
      onReject: (call) =>
        log.warn({ method: call.method, reason: call.reason, peer: call.peer }, 'call refused'),
      onError: (error, method) => log.error({ err: error, method }, 'handler failed'),
    },
  );
  server.addService(service.definition, service.implementation);
  const health = new HealthStatusRegistry();
  health.addToServer(server);
  const address = options.bind.includes(':')
    ? `[${options.bind}]:${options.port}`
    : `${options.bind}:${options.port}`;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  coordinator.start();
  log.info({ coordinatorId, port, agents: options.agents }, 'failover-coordinator ready');
  return {
    coordinatorId,
    coordinator,
    port,
    close: async () => {
      health.shutdown();
      await coordinator.close();
      calls.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}
