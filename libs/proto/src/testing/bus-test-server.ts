// A real grpc-js server on 127.0.0.1:0 for @tessera/proto's integration tests: ClusterBusService
// and NodeAgentService behind authenticatedService, plus grpc.health.v1, with a small fake agent
// behind them (it answers PING/MEET with its PONG, votes only with FORCEACK, refuses FAIL from
// unknown senders). Handlers can be replaced per test. Test support only: excluded from the build.
import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import { ClusterBusServiceService } from '../gen/tessera/cluster/v1/bus.js';
import { NodeAgentServiceService } from '../gen/tessera/cluster/v1/attach.js';
import {
  authenticatedService,
  type AuthenticatedImplementation,
  type RejectedCall,
} from '../lib/authenticated-service.js';
import type { BusKey } from '../lib/bus-auth.js';
import { CallRejectedError } from '../lib/errors.js';
import { HealthStatusRegistry } from '../lib/health-service.js';
import { ReplayGuard } from '../lib/replay-guard.js';
import { gossipEntry, masterHeader, nodeId, nodeIdText } from './fixtures.js';
import { TopologySnapshot } from '../gen/tessera/cluster/v1/topology.js';
import { ClusterState } from '../gen/tessera/cluster/v1/node.js';
import { HealthCheckResponse_ServingStatus as ServingStatus } from '../gen/grpc/health/v1/health.js';

type BusImplementation = AuthenticatedImplementation<typeof ClusterBusServiceService>;
type AgentImplementation = AuthenticatedImplementation<typeof NodeAgentServiceService>;

export interface BusTestServerOptions {
  /** Keys the server accepts; the first signs its replies. */
  readonly keys: readonly BusKey[];
  /** grpc.max_receive_message_length. @default 4 MiB */
  readonly maxMessageBytes?: number;
  /** Replacements for some ClusterBusService handlers. */
  readonly bus?: Partial<BusImplementation>;
}

export interface BusTestServer extends AsyncDisposable {
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  readonly port: number;
  readonly health: HealthStatusRegistry;
  /** Names of the handlers that ran, in order. */
  readonly handled: string[];
  /** Calls refused by authenticatedService. */
  readonly rejected: RejectedCall[];
  /** Handler errors that were not CallRejectedError. */
  readonly errors: unknown[];
}

/** The id of the fake agent's own node. */
export const SERVER_NODE = 1;
/** Nodes the fake agent knows. */
export const KNOWN_NODES = new Set([0, 1, 2, 3, 4, 5].map(nodeIdText));

/** The snapshot the fake agent pushes on Attach. */
export function fakeTopology(version: bigint): TopologySnapshot {
  return {
    agentInstanceId: '5f3a9c0d11e2b7a4',
    version,
    myselfId: nodeId(SERVER_NODE),
    currentEpoch: 9n,
    state: ClusterState.CLUSTER_STATE_OK,
    nodes: [],
    migrating: [],
    importing: [],
    builtAtMs: 1_767_225_600_000n,
    busStats: [],
  };
}

export async function startBusTestServer(options: BusTestServerOptions): Promise<BusTestServer> {
  const handled: string[] = [];
  const rejected: RejectedCall[] = [];
  const errors: unknown[] = [];
  const pong = () => ({ header: masterHeader(SERVER_NODE), gossip: [gossipEntry(2)], forgotten: [] });
  const bus: BusImplementation = {
    ping: () => ({ pong: pong() }),
    meet: () => ({ pong: pong() }),
    pong: () => ({}),
    fail: (request) => {
      const sender = request.fail?.header?.sender?.value ?? '';
      if (!KNOWN_NODES.has(sender)) {
        throw new CallRejectedError(status.PERMISSION_DENIED, `FAIL from unknown node ${sender}`);
      }
      return {};
    },
    update: () => ({}),
    publish: () => ({}),
    publishShard: () => ({}),
    failoverAuth: (request) => (request.forceAck ? { ack: { header: masterHeader(SERVER_NODE) } } : {}),
    mfStart: () => ({ masterOffset: 0n, pausedUntilMs: 0n }),
    ...options.bus,
  };
  const recorded = Object.fromEntries(
    Object.entries(bus).map(([name, handler]) => [
      name,
      (...args: unknown[]) => {
        handled.push(name);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as BusImplementation;
  let version = 0n;
  const agent: AgentImplementation = {
    attach: (call) => {
      call.on('data', (frame: { frame?: { $case: string } }) => {
        handled.push(`attach:${frame.frame?.$case ?? 'empty'}`);
        if (frame.frame?.$case === 'hello') {
          version += 1n;
          call.write({ frame: { $case: 'topology', value: fakeTopology(version) } });
        }
      });
      call.on('end', () => call.end());
    },
    clusterCommand: (request) => {
      handled.push('clusterCommand');
      const name = request.args[0]?.toString('latin1').toUpperCase();
      if (name !== 'BUMPEPOCH') {
        return {
          outcome: {
            $case: 'error',
            value: `ERR Unknown subcommand or wrong number of arguments for '${name}'. Try CLUSTER HELP.`,
          },
          agentInstanceId: '',
          topologyVersion: 0n,
        };
      }
      version += 1n;
      return {
        outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'BUMPED 10' } } },
        agentInstanceId: '5f3a9c0d11e2b7a4',
        topologyVersion: version,
      };
    },
  };
  const auth = {
    keys: options.keys,
    replayGuard: new ReplayGuard(),
    onReject: (call: RejectedCall) => rejected.push(call),
    onError: (error: unknown) => errors.push(error),
  };
  const server = new Server({
    'grpc.max_receive_message_length': options.maxMessageBytes ?? 4 * 1024 * 1024,
  });
  const busService = authenticatedService(ClusterBusServiceService, recorded, auth);
  const agentService = authenticatedService(NodeAgentServiceService, agent, auth);
  server.addService(busService.definition, busService.implementation);
  server.addService(agentService.definition, agentService.implementation);
  const health = new HealthStatusRegistry({
    '': ServingStatus.SERVING,
    'tessera.cluster.v1.ClusterBusService': ServingStatus.SERVING,
  });
  health.addToServer(server);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return {
    address: `127.0.0.1:${port}`,
    port,
    health,
    handled,
    rejected,
    errors,
    [Symbol.asyncDispose]: async () => {
      health.shutdown();
      server.forceShutdown();
    },
  };
}
