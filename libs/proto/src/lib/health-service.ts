// grpc.health.v1 (Check and Watch) for every tessera gRPC server, on the standard proto in
// proto/grpc/health/v1 (the grpc-health-check package does the same; we keep to our generated code).
// Semantics (https://github.com/grpc/grpc/blob/master/doc/health-checking.md): "" is the whole
// server; Check of an unknown service -> NOT_FOUND; Watch sends the current status at once, then
// every change, and SERVICE_UNKNOWN (stream kept open) for an unknown service. Not authenticated:
// probes do not hold the cluster secret, and a status reveals nothing.
import {
  status,
  type Server,
  type ServerWritableStream,
  type sendUnaryData,
  type ServerUnaryCall,
} from '@grpc/grpc-js';
import {
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthService,
  type HealthCheckRequest,
  type HealthCheckResponse,
  type HealthServer,
} from '../gen/grpc/health/v1/health.js';

/** A status a service can be set to. */
export type HealthStatus = typeof ServingStatus.SERVING | typeof ServingStatus.NOT_SERVING;

type Watcher = ServerWritableStream<HealthCheckRequest, HealthCheckResponse>;

/** The serving status of each service of one server, answered over grpc.health.v1. */
export class HealthStatusRegistry {
  readonly #statuses = new Map<string, HealthStatus>();
  readonly #watchers = new Map<string, Set<Watcher>>();

  /**
   * @param initial statuses to start with, by fully qualified service name ("" = whole server).
   * @default { '': SERVING }
   */
  constructor(initial: Readonly<Record<string, HealthStatus>> = { '': ServingStatus.SERVING }) {
    for (const [service, value] of Object.entries(initial)) this.#statuses.set(service, value);
  }

  /** Sets a service's status and tells its watchers when it changed. */
  setStatus(service: string, value: HealthStatus): void {
    if (this.#statuses.get(service) === value) return;
    this.#statuses.set(service, value);
    for (const watcher of this.#watchers.get(service) ?? []) watcher.write({ status: value });
  }

  /** The status of a service, or undefined when it is unknown. */
  getStatus(service: string): HealthStatus | undefined {
    return this.#statuses.get(service);
  }

  /** Marks every service NOT_SERVING (graceful shutdown, as gRPC recommends), then ends the watches. */
  shutdown(): void {
    for (const service of this.#statuses.keys()) this.setStatus(service, ServingStatus.NOT_SERVING);
    for (const watchers of this.#watchers.values()) for (const watcher of watchers) watcher.end();
    this.#watchers.clear();
  }

  /** The grpc-js implementation of grpc.health.v1.Health. */
  get implementation(): HealthServer {
    return {
      check: (
        call: ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>,
        callback: sendUnaryData<HealthCheckResponse>,
      ) => {
        const value = this.#statuses.get(call.request.service);
        if (value === undefined) {
          callback({
            code: status.NOT_FOUND,
            details: `unknown service ${JSON.stringify(call.request.service)}`,
          });
          return;
        }
        callback(null, { status: value });
      },
      watch: (call: Watcher) => {
        const service = call.request.service;
        let watchers = this.#watchers.get(service);
        if (watchers === undefined) {
          watchers = new Set();
          this.#watchers.set(service, watchers);
        }
        watchers.add(call);
        const forget = (): void => {
          this.#watchers.get(service)?.delete(call);
        };
        call.on('cancelled', forget);
        call.on('close', forget);
        call.write({ status: this.#statuses.get(service) ?? ServingStatus.SERVICE_UNKNOWN });
      },
    };
  }

  /** Adds grpc.health.v1.Health to `server`. */
  addToServer(server: Server): void {
    server.addService(HealthService, this.implementation);
  }
}
