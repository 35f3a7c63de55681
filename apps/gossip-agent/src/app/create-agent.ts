// Builds a running gossip-agent from its options: loads (or creates) this node's cluster config, starts the
// gRPC server on the bus port with the cluster bus, the data-node's Attach service, the admin service and the
// failover service for coordinators (all behind the cluster-secret proof) plus grpc.health.v1, and runs the
// 100 ms duty cycle: model tick, manual-failover timers, snapshot push, and silence while the data-node is
// missing. Wiring only.
import { randomBytes } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { encodePingMessage } from '@tessera/cluster-wire';
import {
  announceMyself,
  buildPingMessage,
  createClusterState,
  withOptions,
  type ClusterEvent,
  type ClusterOptions,
  type ClusterState,
  type ModelEnv,
} from '@tessera/cluster-model';
import {
  AgentAdminServiceService,
  ClusterBusServiceService,
  FailoverAgentServiceService,
  deriveBusKey,
  HealthStatusRegistry,
  NodeAgentServiceService,
  ReplayGuard,
  authenticatedService,
  type Header,
  type RejectedCall,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import { adminService } from '../admin/admin-service.js';
import { DataNodeSession } from '../attach/data-node-session.js';
import { SnapshotPublisher } from '../attach/snapshot-publisher.js';
import { busService } from '../bus/bus-service.js';
import { BusStats } from '../bus/bus-stats.js';
import { PeerLinks } from '../bus/peer-links.js';
import type { AgentOptions } from '../config/agent-options.js';
import { failoverService } from '../failover/failover-service.js';
import { ManualFailover } from '../failover/manual-failover.js';
import { ConfigFile } from '../persistence/config-file.js';
import { AgentNode, TICK_MS } from '../node/agent-node.js';

export interface RunningAgent {
  readonly node: AgentNode;
  readonly busPort: number;
  /** Saves the config, stops the duty cycle and the server, releases the config file. */
  close(): Promise<void>;
}

export async function createAgent(options: AgentOptions, log: Logger): Promise<RunningAgent> {
  const env: ModelEnv = {
    clock: { now: Date.now },
    random: { uint32: () => randomBytes(4).readUInt32BE(0) },
  };
  const configFile = new ConfigFile(options.configFile);
  configFile.lock();
  const initial = loadOrCreate(configFile, options, env, log);
  const stats = new BusStats();
  const keys = [deriveBusKey(options.secret)];
  const extras = () => ({ health: node.state.health, manualFailoverPaused: manual.pausedForFailover });
  const links = new PeerLinks({
    keys,
    nodeTimeout: options.nodeTimeout,
    stats,
    extras,
    senderHeader: () =>
      encodePingMessage(buildPingMessage(node.state, 'ping', env), extras()).header as Header,
    log,
  });
  const session = new DataNodeSession({
    node: () => node,
    env,
    nodeTimeout: options.nodeTimeout,
    log,
    publish: (sharded, messages) => {
      const state = node.state;
      const me = state.nodes.get(state.myselfId);
      for (const peer of state.nodes.values()) {
        if (peer.id === state.myselfId || peer.link !== 'connected') continue;
        if (sharded && peer.shardId !== me?.shardId) continue;
        links.publish(peer, sharded, messages, state.myselfId);
      }
    },
    startManualFailover: (mode) => manual.start(mode),
  });
  const publisher = new SnapshotPublisher(
    { state: () => node.state, busStats: () => stats.counters(), now: env.clock.now },
    (snapshot) => session.sendSnapshot(snapshot),
  );
  session.bind(publisher);
  const onEvent = (event: ClusterEvent): void =>
    log.info({ event: event.type, nodeId: event.nodeId, ...event.detail }, 'cluster event');
  const manual: ManualFailover = new ManualFailover({
    node: () => node,
    session,
    links,
    env,
    log: log.child({ component: 'manual-failover' }),
    extras,
    publishNow: () => publisher.publishNow(),
    onEvent,
  });
  const node: AgentNode = new AgentNode(initial, {
    env,
    links,
    save: (state, fsync) => configFile.save(state, fsync),
    dataNode: {
      dropSlotKeys: (slots) => session.request({ $case: 'dropSlotKeys', value: { slots: [...slots] } }),
      flushData: () => session.request({ $case: 'flushData', value: {} }),
    },
    log,
    onChange: () => publisher.markChanged(),
    onEvent,
  });
  node.save(true);

  const server = new Server({
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
  });
  const guard = new ReplayGuard();
  const onReject = (call: RejectedCall): void => {
    stats.reject(
      call.reason === 'rejected'
        ? 'rejected'
        : call.reason === 'undecodable'
          ? 'invalid-argument'
          : 'unauthenticated',
    );
    log.warn(
      { method: call.method, reason: call.reason, peer: call.peer, detail: call.detail },
      'bus call refused',
    );
  };
  const onError = (error: unknown, method: string): void =>
    log.error({ err: error, method }, 'bus handler failed');
  const serviceOptions = { keys, replayGuard: guard, onReject, onError };
  for (const service of [
    authenticatedService(
      ClusterBusServiceService,
      busService({
        node,
        stats,
        extras,
        env,
        deliver: (sharded, messages) => session.deliver(sharded, messages),
        mfStart: (senderId) => manual.handleMfStart(senderId),
      }),
      serviceOptions,
    ),
    authenticatedService(
      FailoverAgentServiceService,
      failoverService({ node, session, publisher, stats, env, log: log.child({ component: 'failover' }) }),
      serviceOptions,
    ),
    authenticatedService(NodeAgentServiceService, session.implementation(), serviceOptions),
    authenticatedService(AgentAdminServiceService, adminService(publisher, stats), serviceOptions),
  ]) {
    server.addService(service.definition, service.implementation);
  }
  const health = new HealthStatusRegistry();
  health.addToServer(server);
  const address = options.bind.includes(':')
    ? `[${options.bind}]:${options.busPort}`
    : `${options.bind}:${options.busPort}`;
  const busPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });

  const timer = setInterval(() => {
    const silent = !session.alive();
    if (silent !== node.silent) {
      node.silent = silent;
      log.warn(
        { silent },
        silent
          ? 'data-node missing: the node stops answering the bus'
          : 'data-node back: the node answers the bus again',
      );
    }
    node.tick();
    manual.tick();
    publisher.tick();
  }, TICK_MS);

  log.info({ busPort, nodeId: node.state.myselfId, configFile: options.configFile }, 'gossip-agent ready');
  return {
    node,
    busPort,
    close: async () => {
      clearInterval(timer);
      node.save(true);
      health.shutdown();
      session.close();
      links.closeAll();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      configFile.unlock();
    },
  };
}

/** nodes.conf as saved, with this start's announced address and options; or a new node. */
function loadOrCreate(
  configFile: ConfigFile,
  options: AgentOptions,
  env: ModelEnv,
  log: Logger,
): ClusterState {
  const clusterOptions: Partial<ClusterOptions> = {
    nodeTimeout: options.nodeTimeout,
    requireFullCoverage: options.requireFullCoverage,
    allowReplicaMigration: options.allowReplicaMigration,
    replicaNoFailover: options.replicaNoFailover,
    replicaValidityFactor: options.replicaValidityFactor,
    migrationBarrier: options.migrationBarrier,
    announceIp: options.announceIp === '' ? null : options.announceIp,
  };
  const port = options.announcePort || options.port;
  const busPort = options.announceBusPort || options.busPort;
  const loaded = configFile.load(clusterOptions, env.clock.now());
  if (loaded === null) {
    const state = createClusterState(
      {
        port,
        busPort,
        ip: options.announceIp,
        ...(options.announceHostname === '' ? {} : { hostname: options.announceHostname }),
        options: clusterOptions,
      },
      env,
    );
    log.info({ nodeId: state.myselfId }, 'no cluster configuration found, I am a new node');
    return state;
  }
  log.info(
    { nodeId: loaded.myselfId, nodes: loaded.nodes.size, currentEpoch: String(loaded.currentEpoch) },
    'cluster configuration loaded',
  );
  let state = withOptions(loaded, clusterOptions, env).state;
  state = announceMyself(
    state,
    {
      port,
      busPort,
      hostname: options.announceHostname,
      ...(options.announceIp === '' ? {} : { ip: options.announceIp }),
    },
    env,
  ).state;
  return state;
}
