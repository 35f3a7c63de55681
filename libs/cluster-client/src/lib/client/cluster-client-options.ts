// Options of ClusterClient.connect, their defaults (ioredis's where it has one) and validation.
// Types and pure functions only; no I/O here.
import {
  requireDuration,
  resolveConnectionSettings,
  withoutUndefined,
  type ConnectionSettings,
  type ResolvedConnectionSettings,
} from '../connection/connection-settings.js';
import { InvalidOptionError } from '../errors.js';
import { SILENT_LOGGER, type ClusterClientLogger } from '../logger.js';
import { parseSeed, type NodeAddress, type SeedAddress } from '../topology/node-address.js';

export interface ClusterClientOptions extends ConnectionSettings {
  /**
   * Nodes to discover the cluster from (`'host:port'` or `{ host, port }`); any one that answers
   * CLUSTER SLOTS is enough. Required, at least one.
   */
  seeds: readonly SeedAddress[];
  /**
   * Redirections and retries (MOVED, ASK, TRYAGAIN, CLUSTERDOWN, lost connections) one command may take
   * before it fails with MaxRedirectionsError.
   * @default 16
   */
  maxRedirections?: number;
  /**
   * First delay before resending after TRYAGAIN; doubles with each further TRYAGAIN of the command.
   * @default 100
   */
  tryAgainDelayMs?: number;
  /**
   * First delay before resending after CLUSTERDOWN (a topology refresh starts at once); doubles.
   * @default 100
   */
  clusterDownDelayMs?: number;
  /**
   * First delay before resending after a lost or refused connection (a topology refresh starts at
   * once); doubles.
   * @default 100
   */
  connectionRetryDelayMs?: number;
  /**
   * Cap of the doubling retry delays above.
   * @default 2000
   */
  maxRetryDelayMs?: number;
  /**
   * Resend commands that are not reads after a connection broke while they were in flight (they may have
   * run already: only for idempotent writes). Commands never written are always resent.
   * @default false
   */
  retryWrites?: boolean;
  /**
   * Where read-only commands go: `master`, or a random replica of the slot (READONLY connections) when the
   * slot has one.
   * @default 'master'
   */
  scaleReads?: 'master' | 'replica';
  /**
   * Connections per node, used round-robin (more can help many concurrent pipelines).
   * @default 1
   */
  connectionsPerNode?: number;
  /**
   * Base of the reconnect delay: attempt n after n-1 failures waits a random time below
   * min(reconnectMaxDelayMs, reconnectBaseDelayMs * 2^(n-2)) (full jitter).
   * @default 50
   */
  reconnectBaseDelayMs?: number;
  /**
   * Cap of the reconnect delay.
   * @default 2000
   */
  reconnectMaxDelayMs?: number;
  /**
   * PING a connection that received nothing for this long; drop it if the PING fails. 0 disables.
   * @default 10000
   */
  healthCheckIntervalMs?: number;
  /**
   * Reply timeout of each CLUSTER SLOTS sent while discovering or refreshing the topology.
   * @default 2000
   */
  topologyRefreshTimeoutMs?: number;
  /**
   * Refresh the topology this often even without MOVED; 0 refreshes only on MOVED, CLUSTERDOWN and lost
   * connections.
   * @default 0
   */
  topologyRefreshIntervalMs?: number;
  /**
   * How string arguments are sent: `utf8` encodes JS text as UTF-8 (non-ASCII strings are converted to
   * Buffers first); `latin1` sends byte strings (one char per byte) as they are.
   * @default 'utf8'
   */
  stringArgs?: 'utf8' | 'latin1';
  /**
   * Logger (the pino Logger of @tessera/telemetry, e.g. `componentLogger(root, 'worker:cluster-client')`).
   * @default a logger that drops everything
   */
  logger?: ClusterClientLogger;
}

export interface ResolvedClusterClientOptions {
  readonly seeds: readonly NodeAddress[];
  readonly connection: ResolvedConnectionSettings;
  readonly maxRedirections: number;
  readonly tryAgainDelayMs: number;
  readonly clusterDownDelayMs: number;
  readonly connectionRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly retryWrites: boolean;
  readonly scaleReads: 'master' | 'replica';
  readonly connectionsPerNode: number;
  readonly reconnectBaseDelayMs: number;
  readonly reconnectMaxDelayMs: number;
  readonly healthCheckIntervalMs: number;
  readonly topologyRefreshTimeoutMs: number;
  readonly topologyRefreshIntervalMs: number;
  readonly stringArgs: 'utf8' | 'latin1';
  readonly logger: ClusterClientLogger;
}

export const DEFAULT_CLUSTER_CLIENT_OPTIONS = Object.freeze({
  maxRedirections: 16,
  tryAgainDelayMs: 100,
  clusterDownDelayMs: 100,
  connectionRetryDelayMs: 100,
  maxRetryDelayMs: 2000,
  retryWrites: false,
  scaleReads: 'master',
  connectionsPerNode: 1,
  reconnectBaseDelayMs: 50,
  reconnectMaxDelayMs: 2000,
  healthCheckIntervalMs: 10_000,
  topologyRefreshTimeoutMs: 2000,
  topologyRefreshIntervalMs: 0,
  stringArgs: 'utf8',
} as const);

/** Options with defaults filled in; throws InvalidOptionError naming the bad option. */
export function resolveClusterClientOptions(options: ClusterClientOptions): ResolvedClusterClientOptions {
  if (!Array.isArray(options?.seeds) || options.seeds.length === 0) {
    throw new InvalidOptionError("seeds must list at least one node, e.g. ['127.0.0.1:7000']");
  }
  const merged = { ...DEFAULT_CLUSTER_CLIENT_OPTIONS, ...withoutUndefined(options) };
  const resolved: ResolvedClusterClientOptions = {
    seeds: options.seeds.map((seed) => parseSeed(seed)),
    connection: resolveConnectionSettings(options),
    maxRedirections: merged.maxRedirections,
    tryAgainDelayMs: merged.tryAgainDelayMs,
    clusterDownDelayMs: merged.clusterDownDelayMs,
    connectionRetryDelayMs: merged.connectionRetryDelayMs,
    maxRetryDelayMs: merged.maxRetryDelayMs,
    retryWrites: merged.retryWrites,
    scaleReads: merged.scaleReads,
    connectionsPerNode: merged.connectionsPerNode,
    reconnectBaseDelayMs: merged.reconnectBaseDelayMs,
    reconnectMaxDelayMs: merged.reconnectMaxDelayMs,
    healthCheckIntervalMs: merged.healthCheckIntervalMs,
    topologyRefreshTimeoutMs: merged.topologyRefreshTimeoutMs,
    topologyRefreshIntervalMs: merged.topologyRefreshIntervalMs,
    stringArgs: merged.stringArgs,
    logger: options.logger ?? SILENT_LOGGER,
  };
  for (const name of ['maxRedirections', 'connectionsPerNode'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < (name === 'maxRedirections' ? 0 : 1) || value > 1024) {
      throw new InvalidOptionError(
        `${name} must be an integer in ${name === 'maxRedirections' ? 0 : 1}..1024`,
      );
    }
  }
  for (const name of [
    'tryAgainDelayMs',
    'clusterDownDelayMs',
    'connectionRetryDelayMs',
    'maxRetryDelayMs',
  ] as const) {
    requireDuration(name, resolved[name], true);
  }
  for (const name of ['reconnectBaseDelayMs', 'reconnectMaxDelayMs', 'healthCheckIntervalMs'] as const) {
    requireDuration(name, resolved[name], true);
  }
  requireDuration('topologyRefreshTimeoutMs', resolved.topologyRefreshTimeoutMs, false);
  requireDuration('topologyRefreshIntervalMs', resolved.topologyRefreshIntervalMs, true);
  if (resolved.scaleReads !== 'master' && resolved.scaleReads !== 'replica') {
    throw new InvalidOptionError(`scaleReads must be 'master' or 'replica'`);
  }
  if (resolved.stringArgs !== 'utf8' && resolved.stringArgs !== 'latin1') {
    throw new InvalidOptionError(`stringArgs must be 'utf8' or 'latin1'`);
  }
  return resolved;
}
