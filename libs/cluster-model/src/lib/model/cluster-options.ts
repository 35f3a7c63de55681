// The per-node cluster configuration the policy reads (redis.conf `cluster-*` directives), with Redis's
// defaults. Held in the state so that transitions need no extra argument; CONFIG SET goes through
// `withOptions`. Pure: no I/O.
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES, describeValue } from './errors.js';

export interface ClusterOptions {
  /**
   * `cluster-node-timeout`: ms without a PONG before a node is PFAIL; failure reports stay valid twice as
   * long; handshakes expire after it (at least 1000 ms).
   * @default 15000
   */
  readonly nodeTimeout: number;
  /**
   * `cluster-require-full-coverage`: the cluster is `fail` while any slot is unassigned or served by a FAIL node.
   * @default true
   */
  readonly requireFullCoverage: boolean;
  /**
   * `cluster-allow-replica-migration`: a master that loses its last slot to another master becomes its replica.
   * @default true
   */
  readonly allowReplicaMigration: boolean;
  /**
   * `cluster-replica-no-failover`: advertise the `nofailover` flag on myself.
   * @default false
   */
  readonly replicaNoFailover: boolean;
  /**
   * `cluster-announce-ip`: when set, MEET messages never change myself's address.
   * @default null
   */
  readonly announceIp: string | null;
  /**
   * `cluster-replica-validity-factor`: a replica whose master link has been down for longer than
   * (node-timeout * this) + repl-ping-replica-period does not try to fail over (its data is too old); 0 means
   * always try. Optional so that existing option objects stay valid: read it with {@link replicaValidityFactorOf}.
   * @default 10
   */
  readonly replicaValidityFactor?: number;
  /**
   * `cluster-migration-barrier`: a replica only migrates to an orphaned master when its own master keeps at
   * least this many other working replicas. Read it with {@link migrationBarrierOf}.
   * @default 1
   */
  readonly migrationBarrier?: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  nodeTimeout: 15_000,
  requireFullCoverage: true,
  allowReplicaMigration: true,
  replicaNoFailover: false,
  announceIp: null,
};

/** Time a forgotten node id stays blacklisted (redis `CLUSTER_BLACKLIST_TTL`, 60 s). */
export const BLACKLIST_TTL_MS = 60_000;
/** Failure reports are valid for node-timeout times this (redis `CLUSTER_FAIL_REPORT_VALIDITY_MULT`). */
export const FAIL_REPORT_VALIDITY_MULT = 2;
/** A master's FAIL is undone after node-timeout times this (redis `CLUSTER_FAIL_UNDO_TIME_MULT`). */
export const FAIL_UNDO_TIME_MULT = 2;
/** A master stays `fail` this long after its first state evaluation (redis `CLUSTER_WRITABLE_DELAY`). */
export const WRITABLE_DELAY_MS = 2_000;
/** Bounds of the rejoin delay after leaving a minority partition (redis `CLUSTER_{MIN,MAX}_REJOIN_DELAY`). */
export const MIN_REJOIN_DELAY_MS = 500;
export const MAX_REJOIN_DELAY_MS = 5_000;
/** Gossip pong times may be this far in the future (ms) and still be taken (redis clusterProcessGossipSection). */
export const GOSSIP_PONG_TOLERANCE_MS = 500;

/** Default of cluster-replica-validity-factor (redis CLUSTER_DEFAULT_SLAVE_VALIDITY). */
export const DEFAULT_REPLICA_VALIDITY_FACTOR = 10;
/** Default of cluster-migration-barrier (redis CLUSTER_DEFAULT_MIGRATION_BARRIER). */
export const DEFAULT_MIGRATION_BARRIER = 1;
/** repl-ping-replica-period (10 s by default in Redis): part of the data age a replica may have. */
export const REPL_PING_REPLICA_PERIOD_MS = 10_000;

/** The effective cluster-replica-validity-factor. */
export function replicaValidityFactorOf(options: ClusterOptions): number {
  return options.replicaValidityFactor ?? DEFAULT_REPLICA_VALIDITY_FACTOR;
}

/** The effective cluster-migration-barrier. */
export function migrationBarrierOf(options: ClusterOptions): number {
  return options.migrationBarrier ?? DEFAULT_MIGRATION_BARRIER;
}

/** `base` with `changes` applied, validated: throws `RC_ERR_CLUSTER_MODEL_OPTION_INVALID` on a bad value. */
export function resolveOptions(
  changes: Partial<ClusterOptions> = {},
  base = DEFAULT_CLUSTER_OPTIONS,
): ClusterOptions {
  const options = { ...base, ...changes };
  if (!Number.isSafeInteger(options.nodeTimeout) || options.nodeTimeout <= 0) {
    throw new ClusterModelError(
      CLUSTER_MODEL_ERROR_CODES.OPTION_INVALID,
      `nodeTimeout (cluster-node-timeout) must be a positive integer of milliseconds, got ${describeValue(options.nodeTimeout)}`,
    );
  }
  for (const [key, directive] of [
    ['replicaValidityFactor', 'cluster-replica-validity-factor'],
    ['migrationBarrier', 'cluster-migration-barrier'],
  ] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.OPTION_INVALID,
        `${key} (${directive}) must be a non-negative integer, got ${describeValue(value)}`,
      );
    }
  }
  return options;
}
