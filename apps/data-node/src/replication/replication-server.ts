// The data-node's gRPC listener for ReplicationService (its replication port): the service wrapped by
// authenticatedService so every stream proves the cluster secret before any frame is read, a replay guard,
// and a small receive limit (replicas only send a Psync and acks). Binding failures are reported to the
// caller; wiring only.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import {
  ReplayGuard,
  ReplicationServiceService,
  authenticatedService,
  deriveBusKey,
  type RejectedCall,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import { replicationService, type ReplicationServiceDeps } from './replication-service.js';

/** What a replica may send in one frame: a Psync or an ack is a few hundred bytes. */
const MAX_RECEIVE_BYTES = 64 * 1024;

export interface ReplicationListener {
  /** The bound port. */
  readonly port: number;
  /** Stops accepting and ends every stream. */
  close(): Promise<void>;
}

export interface ReplicationListenerOptions extends ReplicationServiceDeps {
  /** Addresses to bind (the `bind` directive's). */
  readonly hosts: readonly string[];
  readonly port: number;
  readonly secret: string;
  readonly log: Logger;
}

export async function listenForReplicas(options: ReplicationListenerOptions): Promise<ReplicationListener> {
  const { log } = options;
  const server = new Server({
    'grpc.max_receive_message_length': MAX_RECEIVE_BYTES,
  });
  const service = authenticatedService(ReplicationServiceService, replicationService(options), {
    keys: [deriveBusKey(options.secret)],
    replayGuard: new ReplayGuard(),
    onReject: (call: RejectedCall) => {
      options.counters.refused++;
      log.warn(
        { method: call.method, reason: call.reason, peer: call.peer, detail: call.detail },
        'replication call refused',
      );
    },
    onError: (error: unknown, method: string) =>
      log.error({ err: error, method }, 'replication handler failed'),
  });
  server.addService(service.definition, service.implementation);
  let port = options.port;
  try {
    for (const host of options.hosts) {
      const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
      port = await new Promise<number>((resolve, reject) => {
        server.bindAsync(address, ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        );
      });
    }
  } catch (error) {
    server.forceShutdown();
    throw error;
  }
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 1000);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
