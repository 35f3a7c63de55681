// Switches a data-node into cluster mode with a gossip-agent (`cluster-enabled yes`, `cluster-agent spawn` or
// `external`): resolves the cluster secret, starts the agent as a supervised child (spawn), and attaches to
// it with AttachedAgentLink, whose snapshots become the router's view; PUBLISH/SPUBLISH go out through it.
// Until the first snapshot the node knows only itself (cluster_state fail). createDataNode calls it once the
// client port is bound. Wiring only.
import type { ModelEnv } from '@tessera/cluster-model';
import type { Logger } from '@tessera/telemetry';
import type { Dispatcher } from '../commands/dispatcher.js';
import { clientPauseOf, PauseMode } from '../server/client-pause.js';
import type { ServerState } from '../server/server-state.js';
import { replicatedKeyspace } from '../replication/replicated-keyspace.js';
import { agentAddressOf, agentArguments } from './agent-command-line.js';
import { AgentSupervisor, type AgentSupervisorOptions } from './agent-supervisor.js';
import { AttachedAgentLink, type AttachTiming } from './attached-agent-link.js';
import { ClusterRouter } from './cluster-router.js';
import { CLUSTER_SECRET_ENV, resolveClusterSecret } from './cluster-secret.js';
import { clusterOptionsOf, clusterViewOf, freshState, modelEnvOf } from './enable-cluster-mode.js';

export interface AttachedClusterMode {
  readonly kind: 'attached';
  readonly router: ClusterRouter;
  readonly agent: AttachedAgentLink;
  /** The spawned agent's supervisor; null with `cluster-agent external`. */
  readonly supervisor: AgentSupervisor | null;
  /** Detaches, then stops a spawned agent (SIGTERM, bounded wait). */
  close(): Promise<void>;
}

export interface AttachedClusterModeOptions {
  /** The bound client port. */
  readonly port: number;
  readonly log: Logger;
  /** The agent script when cluster-agent-script is empty (../gossip-agent/main.js next to main.js). */
  readonly defaultAgentScript: string;
  /** Model randomness for the node before its first snapshot. @default crypto random */
  readonly env?: ModelEnv;
  /** Attach stream timings (tests). */
  readonly timing?: Partial<AttachTiming>;
  /** Supervisor restart policy and stop timeout (tests). */
  readonly supervision?: Pick<AgentSupervisorOptions, 'restart' | 'stableAfterMs' | 'stopTimeoutMs'>;
}

export function attachClusterMode(
  server: ServerState,
  dispatcher: Dispatcher,
  options: AttachedClusterModeOptions,
): AttachedClusterMode {
  const config = server.config;
  const log = options.log;
  const spawn = config.get('cluster-agent') === 'spawn';
  const { secret, insecure } = resolveClusterSecret(config);
  if (insecure) {
    log.warn(
      'no cluster-bus-secret or cluster-bus-secret-file: the cluster bus uses the insecure development secret and is unprotected',
    );
  }
  const address = agentAddressOf(config, options.port);
  let router: ClusterRouter | null = null;
  const agent = new AttachedAgentLink({
    address,
    secret,
    clientPort: config.getNumber('cluster-announce-port') || options.port,
    startedAtMs: server.startedAt,
    initial: freshState(server, options.port, options.env ?? modelEnvOf(server)),
    keyspace: replicatedKeyspace(server),
    // Manual failover: writes held as CLIENT PAUSE WRITE holds them; the answer names master_repl_offset
    // once paused (everything propagated so far: the offset the replica waits for).
    writes: {
      pauseWrites: (ms) => clientPauseOf(server).pause(ms, PauseMode.write),
      resumeWrites: () => clientPauseOf(server).unpause(),
      replicationOffset: () => {
        server.replication.state.flushPropagation();
        return BigInt(server.replication.state.offset);
      },
    },
    subscribers: server.pubsub,
    replication: () => server.replication.report(),
    clusterOptions: () => clusterOptionsOf(server),
    publish: (state, stats) => router?.setView(clusterViewOf(server, state, stats)),
    log,
    now: server.now,
    ...(options.timing === undefined ? {} : { timing: options.timing }),
  });
  router = new ClusterRouter(server, clusterViewOf(server, agent.state), agent);
  const ready = router;
  config.onChange((name) => {
    if (name === 'cluster-preferred-endpoint-type')
      ready.setView(clusterViewOf(server, agent.state, agent.busStats));
  });
  dispatcher.router = router;
  server.pubsub.publishHook = agent;
  let supervisor: AgentSupervisor | null = null;
  if (spawn) {
    const script = config.get('cluster-agent-script') || options.defaultAgentScript;
    supervisor = new AgentSupervisor({
      script,
      args: agentArguments(config, options.port),
      env: { ...process.env, [CLUSTER_SECRET_ENV]: secret },
      log,
      ...options.supervision,
    });
    supervisor.start();
  }
  log.info({ agent: spawn ? 'spawn' : 'external', address }, 'attaching to the gossip-agent');
  agent.start();
  return {
    kind: 'attached',
    router,
    agent,
    supervisor,
    close: async () => {
      agent.close();
      server.pubsub.publishHook = null;
      await supervisor?.close();
    },
  };
}
