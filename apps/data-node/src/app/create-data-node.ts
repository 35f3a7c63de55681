// Builds the data-node's object graph from a configuration: keyspace, command table, dispatcher and the
// RESP listener. main.ts calls it for the real process; tests call it to run a real server in-process on
// port 0 with exactly the same wiring.
import type { Logger } from '@tessera/telemetry';
import { enableClusterMode, type ClusterMode } from '../cluster/enable-cluster-mode.js';
import { ALL_COMMANDS } from '../commands/all-commands.js';
import { CommandTable } from '../commands/command-table.js';
import { Dispatcher } from '../commands/dispatcher.js';
import type { ConfigStore } from '../config/config-store.js';
import { EvictionGuard } from '../keyspace/eviction.js';
import { RespServer } from '../server/server.js';
import { ServerState } from '../server/server-state.js';

export interface DataNode {
  readonly state: ServerState;
  readonly dispatcher: Dispatcher;
  readonly server: RespServer;
  /** The bound client port. */
  readonly port: number;
  /** Cluster mode (`cluster-enabled yes`): the router and the agent link; null in standalone mode. */
  readonly cluster: ClusterMode | null;
  close(): Promise<void>;
}

export interface CreateDataNodeOptions {
  config: ConfigStore;
  logger: Logger;
  /** Wall clock. @default Date.now */
  now?: () => number;
}

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
  const cluster = config.getBool('cluster-enabled') ? enableClusterMode(state, dispatcher, { port }) : null;
  return {
    state,
    dispatcher,
    server,
    port,
    cluster,
    close: async () => {
      cluster?.close();
      await server.close();
    },
  };
}
