// The link to one node: up to `connectionsPerNode` connections used round-robin, opened lazily on first
// use. A connection that breaks is replaced on next use, after a reconnect delay drawn with exponential
// backoff and full jitter from the count of consecutive failed attempts; a successful handshake resets
// it. An idle timer PINGs connections that received nothing for a while and drops those that do not
// answer, so a dead peer is found before a command has to time out. Routing is not done here.
import { ConnectionClosedError } from '../errors.js';
import { Connection, CONNECTION_STATES } from '../connection/connection.js';
import type { ResolvedConnectionSettings } from '../connection/connection-settings.js';
import type { ClusterClientLogger } from '../logger.js';
import type { NodeAddress } from '../topology/node-address.js';
import { fullJitterDelayMs } from './backoff.js';

export interface NodeLinkOptions {
  readonly settings: ResolvedConnectionSettings;
  /** Connections send READONLY (replica reads). */
  readonly readOnly: boolean;
  readonly connectionsPerNode: number;
  readonly reconnectBaseDelayMs: number;
  readonly reconnectMaxDelayMs: number;
  /** PING connections idle this long; 0 disables the health check. */
  readonly healthCheckIntervalMs: number;
  readonly logger: ClusterClientLogger;
  /** Random source of the jitter (tests inject one). */
  readonly random?: () => number;
}

export class NodeLink {
  readonly #connections: (Connection | null)[];
  #next = 0;
  /** Consecutive connection attempts that failed before their handshake completed. */
  #failures = 0;
  #healthTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly address: NodeAddress,
    private readonly options: NodeLinkOptions,
  ) {
    this.#connections = new Array<Connection | null>(options.connectionsPerNode).fill(null);
    if (options.healthCheckIntervalMs > 0) {
      this.#healthTimer = setInterval(() => this.#healthCheck(), options.healthCheckIntervalMs);
      this.#healthTimer.unref();
    }
  }

  /** Consecutive failed connection attempts (0 once a connection is up). */
  get failures(): number {
    return this.#failures;
  }

  /** A connection to write to (round-robin); opens one if that slot is empty or closed. */
  connection(): Connection {
    const index = this.#next;
    this.#next = index + 1 === this.#connections.length ? 0 : index + 1;
    const current = this.#connections[index];
    if (current != null && current.state !== CONNECTION_STATES.CLOSED) return current;
    return this.#open(index);
  }

  /** Closes every connection after its pending replies; further use opens new ones. */
  async close(): Promise<void> {
    if (this.#healthTimer !== null) clearInterval(this.#healthTimer);
    this.#healthTimer = null;
    const closing = this.#connections.map((connection) => connection?.close());
    this.#connections.fill(null);
    await Promise.all(closing);
  }

  #open(index: number): Connection {
    const { settings, readOnly, reconnectBaseDelayMs, reconnectMaxDelayMs, random } = this.options;
    const connectDelayMs = fullJitterDelayMs(
      this.#failures,
      reconnectBaseDelayMs,
      reconnectMaxDelayMs,
      random,
    );
    let ready = false;
    const connection = new Connection(
      this.address,
      { ...settings, readOnly, connectDelayMs },
      {
        ready: () => {
          ready = true;
          this.#failures = 0;
        },
        closed: (closed, error) => {
          if (this.#connections[index] === closed) this.#connections[index] = null;
          if (!ready) this.#failures++;
          this.options.logger.debug(
            { node: this.address.key, err: error, failures: this.#failures },
            'connection closed',
          );
        },
      },
    );
    this.#connections[index] = connection;
    return connection;
  }

  #healthCheck(): void {
    const interval = this.options.healthCheckIntervalMs;
    const now = Date.now();
    for (const connection of this.#connections) {
      if (connection?.state !== CONNECTION_STATES.READY || connection.idleMs(now) < interval) continue;
      connection.send(['PING']).catch((error: unknown) => {
        this.options.logger.warn(
          { node: this.address.key, err: error },
          'health check failed, dropping connection',
        );
        void connection.destroy(
          new ConnectionClosedError(this.address.key, `health check PING to ${this.address.key} failed`, {
            cause: error,
          }),
        );
      });
    }
  }
}
