// Builds the data-node's object graph from a configuration: keyspace, command table, dispatcher and the
// RESP listener. main.ts calls it for the real process; tests call it to run a real server in-process on
// port 0 with exactly the same wiring.
import { dirname, resolve } from 'node:path';
import type { Logger } from '@tessera/telemetry';
import { attachClusterMode, type AttachedClusterMode } from '../cluster/attach-cluster-mode.js';
import { clusterViewOf, enableClusterMode, type ClusterMode } from '../cluster/enable-cluster-mode.js';
import { ALL_COMMANDS } from '../commands/all-commands.js';
import { CommandTable } from '../commands/command-table.js';
import { Dispatcher } from '../commands/dispatcher.js';
import type { ConfigStore } from '../config/config-store.js';
import { EvictionGuard } from '../keyspace/eviction.js';
import { enableReplication, type ReplicationMode } from '../replication/enable-replication.js';
import { RespServer } from '../server/server.js';
import { ServerState } from '../server/server-state.js';

export interface DataNode {
  readonly state: ServerState;
  readonly dispatcher: Dispatcher;
  readonly server: RespServer;
  /** The bound client port. */
  readonly port: number;
  /**
   * Cluster mode (`cluster-enabled yes`): the router and the agent link, in-process (`cluster-agent local`) or
   * attached to a gossip-agent (`spawn`, `external`); null in standalone mode.
   */
  readonly cluster: ClusterMode | AttachedClusterMode | null;
  /** Replication (cluster mode only: roles come from the topology); null in standalone mode. */
  readonly replication: ReplicationMode | null;
  close(): Promise<void>;
}

export interface CreateDataNodeOptions {
  config: ConfigStore;
  logger: Logger;
  /** Wall clock. @default Date.now */
  now?: () => number;
  /**
   * The gossip-agent script a spawned agent runs when cluster-agent-script is empty: main.ts passes
   * ../gossip-agent/main.js next to its own file. @default the same, next to process.argv[1]
   */
  agentScript?: string;
  /** Replication overrides (tests: where masters serve replication, link timings). */
  replication?: Pick<ReplicationModeOptionsOverride, 'replicationAddress' | 'linkTiming'>;
}

type ReplicationModeOptionsOverride = Parameters<typeof enableReplication>[2];

export async function createDataNode(options: CreateDataNodeOptions): Promise<DataNode> {
  const { config, logger } = options;
  const state = new ServerState(config, new CommandTable(ALL_COMMANDS), options.now);
  const dispatcher = new Dispatcher(state);
  dispatcher.memoryGuard = new EvictionGuard(state.db, config);
  const server = new RespServer(state, dispatcher, logger.child({ component: 'data-node:server' }));
  const hosts = config
    .get('bind')
    .split(/\s+/)
    .filter((h) => h !== '' && !h.startsWith('-'))
    .map((h) => (h === '*' ? '0.0.0.0' : h));
  const port = await server.listen({ port: config.getNumber('port'), hosts: [...new Set(hosts)] });
  // The port is part of the node's cluster identity, so cluster mode starts once it is bound.
  let cluster: ClusterMode | AttachedClusterMode | null = null;
  if (config.getBool('cluster-enabled')) {
    try {
      cluster =
        config.get('cluster-agent') === 'local'
          ? enableClusterMode(state, dispatcher, { port })
          : attachClusterMode(state, dispatcher, {
              port,
              log: logger.child({ component: 'data-node:cluster' }),
              defaultAgentScript:
                options.agentScript ?? resolve(dirname(process.argv[1] ?? '.'), '../gossip-agent/main.js'),
            });
    } catch (err) {
      await server.close();
      throw err;
    }
    if (cluster.kind === 'attached') server.holdClientsUntil(cluster.agent.firstSnapshot);
  }
  let replication: ReplicationMode | null = null;
  if (cluster !== null) {
    const mode = cluster;
    replication = enableReplication(state, dispatcher, {
      router: mode.router,
      boundPort: port,
      announcedPort: config.getNumber('cluster-announce-port') || port,
      hosts: [...new Set(hosts)],
      log: logger.child({ component: 'data-node:replication' }),
      ...options.replication,
      changed: () => {
        // CLUSTER SLOTS shows myself as a replica once it has synced (its offset is no longer 0).
        mode.router.setView(
          mode.kind === 'local'
            ? clusterViewOf(state, mode.agent.state)
            : clusterViewOf(state, mode.agent.state, mode.agent.busStats),
        );
        if (mode.kind === 'attached') mode.agent.sendHeartbeat();
      },
    });
    await replication.listening; // like the client port: bound (or reported) before the node counts as started
  }
  return {
    state,
    dispatcher,
    server,
    port,
    cluster,
    replication,
    close: async () => {
      // The agent link first (no more topology changes), then clients, replication and a spawned agent.
      const detached = cluster?.close();
      await Promise.all([server.close(), detached, replication?.close()]);
    },
  };
}
