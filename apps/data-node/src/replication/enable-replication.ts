// Turns replication on for a cluster-mode data-node: the ReplicationManager following myself's role in every
// topology view the router installs, and the ReplicationService listener on the replication port
// (`replication-port`, or the client port + 20000). A port that cannot be used does not stop the node: it is
// logged, and binding is retried every few seconds (the node serves clients meanwhile, but cannot have
// replicas). createDataNode calls it once cluster mode is on. Wiring only.
import type { Logger } from '@tessera/telemetry';
import type { ClusterRouter } from '../cluster/cluster-router.js';
import { resolveClusterSecret } from '../cluster/cluster-secret.js';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { ServerState } from '../server/server-state.js';
import type { MasterLinkTiming } from './master-link.js';
import { REPLICATION_PORT_INCR, ReplicationManager } from './replication-manager.js';
import { listenForReplicas, type ReplicationListener } from './replication-server.js';
import type { ReplicationServiceCounters } from './replication-service.js';

/** Retry period when the replication port cannot be bound. */
const BIND_RETRY_MS = 5000;

export interface ReplicationMode {
  readonly manager: ReplicationManager;
  /** The ReplicationService listener's port once bound, else 0. */
  readonly port: () => number;
  /** Settles after the first attempt to bind the replication port (with the port, or 0 when it failed). */
  readonly listening: Promise<number>;
  readonly counters: ReplicationServiceCounters;
  close(): Promise<void>;
}

export interface ReplicationModeOptions {
  readonly router: ClusterRouter;
  /** The bound client port (the replication port is derived from it). */
  readonly boundPort: number;
  /** The client port this node announces (cluster-announce-port or the bound one). */
  readonly announcedPort: number;
  /** Addresses the client listener binds; the replication listener binds the same. */
  readonly hosts: readonly string[];
  readonly log: Logger;
  /** What the node reports changed (heartbeat now, re-render the routing view). */
  readonly changed: () => void;
  /** Where a master serves replication (tests). @default `${ip}:${port + 20000}` */
  readonly replicationAddress?: (ip: string, port: number) => string;
  readonly linkTiming?: Partial<MasterLinkTiming>;
}

export function enableReplication(
  server: ServerState,
  dispatcher: Dispatcher,
  options: ReplicationModeOptions,
): ReplicationMode {
  const log = options.log;
  const { secret } = resolveClusterSecret(server.config);
  const manager = new ReplicationManager({
    server,
    dispatcher,
    secret,
    log,
    clientPort: options.announcedPort,
    changed: options.changed,
    ...(options.replicationAddress === undefined ? {} : { replicationAddress: options.replicationAddress }),
    ...(options.linkTiming === undefined ? {} : { linkTiming: options.linkTiming }),
  });
  options.router.onViewChange((view) => manager.viewChanged(view));
  manager.viewChanged(options.router.view);

  const counters: ReplicationServiceCounters = { psync: 0, ack: 0, refused: 0 };
  const wanted = server.config.getNumber('replication-port') || options.boundPort + REPLICATION_PORT_INCR;
  let listener: ReplicationListener | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  let firstAttempt: (port: number) => void = () => undefined;
  const listening = new Promise<number>((resolve) => {
    firstAttempt = resolve;
  });
  const bind = (): void => {
    retry = null;
    listenForReplicas({
      hub: server.replication.hub,
      canServe: (masterNodeId) => manager.canServe(masterNodeId),
      log,
      counters,
      hosts: options.hosts,
      port: wanted,
      secret,
    }).then(
      (bound) => {
        if (closed) {
          void bound.close();
          return;
        }
        listener = bound;
        log.info({ port: bound.port }, 'replication service listening');
        firstAttempt(bound.port);
      },
      (err: unknown) => {
        log.error(
          { err, port: wanted },
          'cannot listen on the replication port (set replication-port): this node cannot have replicas until it can',
        );
        firstAttempt(0);
        if (!closed) {
          retry = setTimeout(bind, BIND_RETRY_MS);
          retry.unref();
        }
      },
    );
  };
  if (wanted > 65535) {
    log.warn(
      { clientPort: options.boundPort },
      'client port + 20000 is above 65535: no replication service (set replication-port); this node cannot have replicas',
    );
    firstAttempt(0);
  } else {
    bind();
  }
  return {
    manager,
    port: () => listener?.port ?? 0,
    listening,
    counters,
    close: async () => {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      manager.close();
      await listener?.close();
    },
  };
}
