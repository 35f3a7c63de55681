// Switches a data-node into cluster mode (`cluster-enabled yes`) with the in-process agent (`cluster-agent
// local`): builds this node's cluster configuration from the cluster-* directives, the LocalAgentLink that
// holds it, and the router the dispatcher consults. createDataNode calls it once the client port is bound
// (the port is part of the node's identity); tests call it on a harness. With a gossip-agent (spawn or
// external) attachClusterMode does the same with the Attach client. Wiring only.
import { randomBytes } from 'node:crypto';
import {
  CLUSTER_PORT_INCR,
  createClusterState,
  type ClusterInfoStats,
  type ClusterOptions,
  type ClusterState,
  type ModelEnv,
  type PreferredEndpointType,
} from '@tessera/cluster-model';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { ServerState } from '../server/server-state.js';
import { replicatedKeyspace } from '../replication/replicated-keyspace.js';
import { ClusterRouter } from './cluster-router.js';
import { LocalAgentLink } from './local-agent-link.js';
import { StaticClusterView } from './static-cluster-view.js';

export interface ClusterMode {
  readonly kind: 'local';
  readonly router: ClusterRouter;
  readonly agent: LocalAgentLink;
  /** Stops the agent link's timer. */
  close(): void;
}

export interface ClusterModeOptions {
  /** The bound client port (cluster-announce-port overrides what is announced). */
  readonly port: number;
  /** A configuration to start from instead of a fresh node (tests; later: nodes.conf via the agent). */
  readonly initial?: ClusterState;
  /** Model randomness (node ids). @default crypto random */
  readonly env?: ModelEnv;
}

export function enableClusterMode(
  server: ServerState,
  dispatcher: Dispatcher,
  options: ClusterModeOptions,
): ClusterMode {
  const config = server.config;
  const env = options.env ?? modelEnvOf(server);
  const viewOf = (state: ClusterState): StaticClusterView => clusterViewOf(server, state);
  let router: ClusterRouter | null = null;
  const agent = new LocalAgentLink({
    initial: options.initial ?? freshState(server, options.port, env),
    env,
    keyspace: replicatedKeyspace(server),
    publish: (state) => router?.setView(viewOf(state)),
  });
  router = new ClusterRouter(server, viewOf(agent.state), agent);
  const ready = router;
  config.onChange((name) => {
    if (name === 'cluster-preferred-endpoint-type') ready.setView(viewOf(agent.state));
  });
  dispatcher.router = router;
  agent.start();
  return { kind: 'local', router, agent, close: () => agent.close() };
}

/** The model's clock and randomness (node ids) for a running node. */
export function modelEnvOf(server: ServerState): ModelEnv {
  return { clock: { now: server.now }, random: { uint32: () => randomBytes(4).readUInt32BE(0) } };
}

/**
 * The routing view of `state`, with the configured endpoint type and, when given, the agent's bus counters.
 * Myself's replication offset is this data-node's own, not the one the agent last echoed: CLUSTER SLOTS
 * lists a replica only once its offset is not 0 (it has synced), and Redis reads its own offset live too.
 */
export function clusterViewOf(
  server: ServerState,
  state: ClusterState,
  stats?: ClusterInfoStats,
): StaticClusterView {
  return new StaticClusterView(withMyOffset(state, BigInt(server.replication.reportedOffset())), {
    preferredEndpointType: server.config.get('cluster-preferred-endpoint-type') as PreferredEndpointType,
    now: server.now,
    ...(stats === undefined ? {} : { stats }),
  });
}

/** `state` with myself's replication offset set to `offset`. */
function withMyOffset(state: ClusterState, offset: bigint): ClusterState {
  const me = state.nodes.get(state.myselfId);
  if (me === undefined || me.replicationOffset === offset) return state;
  const nodes = new Map(state.nodes);
  nodes.set(me.id, { ...me, replicationOffset: offset });
  return { ...state, nodes };
}

/** The cluster-* directives as the model's options. */
export function clusterOptionsOf(server: ServerState): ClusterOptions {
  const config = server.config;
  const ip = config.get('cluster-announce-ip');
  return {
    nodeTimeout: config.getNumber('cluster-node-timeout') || 15_000,
    requireFullCoverage: config.getBool('cluster-require-full-coverage'),
    allowReplicaMigration: config.getBool('cluster-allow-replica-migration'),
    replicaNoFailover: config.getBool('cluster-replica-no-failover'),
    announceIp: ip === '' ? null : ip,
  };
}

/** A new node that knows only itself (redis clusterInit without nodes.conf), announced as configured. */
export function freshState(server: ServerState, boundPort: number, env: ModelEnv): ClusterState {
  const config = server.config;
  const port = config.getNumber('cluster-announce-port') || boundPort;
  const busPort =
    config.getNumber('cluster-announce-bus-port') ||
    config.getNumber('cluster-port') ||
    port + CLUSTER_PORT_INCR;
  const ip = config.get('cluster-announce-ip');
  const hostname = config.get('cluster-announce-hostname');
  return createClusterState(
    {
      port,
      // Redis refuses to start when port + 10000 passes 65535; here the bus port is only shown (the agent owns
      // the bus), so a high client port (tests bind ephemeral ones) is shown as its own bus port instead.
      busPort: busPort > 65535 ? port : busPort,
      ip,
      ...(hostname === '' ? {} : { hostname }),
      options: clusterOptionsOf(server),
    },
    env,
  );
}
