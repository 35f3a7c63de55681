// The configuration directives the data-node understands, with redis-server's names, types, defaults,
// ranges and error texts (redis src/config.c, 7.0), so operators can reuse their redis.conf and command lines.
// Directives with a syntax of their own carry a `normalize` hook. No I/O.
import { formatOutputLimits, mergeOutputLimits } from '../server/output-limits.js';

export const DirectiveType = {
  /** Whole number. */
  integer: 'integer',
  /** Bytes, accepting Redis's units (1k=1000, 1kb=1024, m/mb, g/gb). */
  memory: 'memory',
  /** yes|no. */
  bool: 'bool',
  /** Free text. */
  string: 'string',
  /** One of `values`. */
  enum: 'enum',
} as const;
export type DirectiveType = (typeof DirectiveType)[keyof typeof DirectiveType];

export interface Directive {
  readonly name: string;
  readonly type: DirectiveType;
  /** The default, in CONFIG GET's text form. */
  readonly defaultValue: string;
  /** Settable with CONFIG SET at run time. */
  readonly mutable: boolean;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Other accepted names (e.g. `slaveof` for `replicaof`). */
  readonly aliases?: readonly string[];
  /**
   * A secret (requirepass): CONFIG SET redacts its value from SLOWLOG like Redis's SENSITIVE_CONFIG.
   * CONFIG GET still shows it, as Redis does.
   */
  readonly sensitive?: boolean;
  /**
   * The value is several arguments (`bind 127.0.0.1 ::1`, `save 3600 1`): CONFIG REWRITE writes it unquoted.
   * Other string values are written quoted when they contain spaces or special characters.
   */
  readonly multiWord?: boolean;
  /**
   * Checks and canonicalizes a value after the type's own checks; `current` is the value being replaced.
   * Throws an Error whose message is Redis's reason ("Invalid client class specified ...").
   */
  readonly normalize?: (value: string, current: string) => string;
}

const d = (
  name: string,
  type: DirectiveType,
  defaultValue: string,
  mutable: boolean,
  extra: Partial<Directive> = {},
): Directive => ({ name, type, defaultValue, mutable, ...extra });

export const DIRECTIVES: readonly Directive[] = [
  d('port', 'integer', '6379', false, { min: 0, max: 65535 }),
  d('bind', 'string', '* -::*', false, { multiWord: true }),
  d('protected-mode', 'bool', 'yes', true),
  d('requirepass', 'string', '', true, { sensitive: true }),
  d('masterauth', 'string', '', true, { sensitive: true }),
  d('maxclients', 'integer', '10000', true, { min: 1, max: 4_294_967_295 }),
  d('timeout', 'integer', '0', true, { min: 0, max: 2_147_483_647 }),
  d('tcp-keepalive', 'integer', '300', true, { min: 0, max: 2_147_483_647 }),
  d('tcp-backlog', 'integer', '511', false, { min: 0, max: 65535 }),
  d('databases', 'integer', '16', false, { min: 1, max: 2_147_483_647 }),
  d('maxmemory', 'memory', '0', true, { min: 0 }),
  d('maxmemory-policy', 'enum', 'noeviction', true, {
    values: [
      'volatile-lru',
      'volatile-lfu',
      'volatile-random',
      'volatile-ttl',
      'allkeys-lru',
      'allkeys-lfu',
      'allkeys-random',
      'noeviction',
    ],
  }),
  d('maxmemory-samples', 'integer', '5', true, { min: 1, max: 64 }),
  d('proto-max-bulk-len', 'memory', '536870912', true, { min: 1024 * 1024 }),
  d('client-query-buffer-limit', 'memory', '1073741824', true, { min: 1024 * 1024 }),
  d(
    'client-output-buffer-limit',
    'string',
    'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
    true,
    { multiWord: true, normalize: (value, current) => formatOutputLimits(mergeOutputLimits(current, value)) },
  ),
  // Redis accepts any hz and clamps it to 1..500 (CONFIG_MIN_HZ, CONFIG_MAX_HZ).
  d('hz', 'integer', '10', true, {
    min: 0,
    max: 2_147_483_647,
    normalize: (value) => String(Math.min(500, Math.max(1, Number(value)))),
  }),
  d('slowlog-log-slower-than', 'integer', '10000', true, { min: -1 }),
  d('slowlog-max-len', 'integer', '128', true, { min: 0 }),
  d('latency-monitor-threshold', 'integer', '0', true, { min: 0 }),
  d('latency-tracking', 'bool', 'yes', true),
  d('latency-tracking-info-percentiles', 'string', '50 99 99.9', true, {
    multiWord: true,
    normalize: normalizePercentiles,
  }),
  d('lazyfree-lazy-user-del', 'bool', 'no', true),
  d('lazyfree-lazy-user-flush', 'bool', 'no', true),
  d('save', 'string', '', true, { multiWord: true }),
  d('appendonly', 'bool', 'no', true),
  d('dir', 'string', '.', true),
  d('dbfilename', 'string', 'dump.rdb', true),
  d('logfile', 'string', '', false),
  d('loglevel', 'enum', 'notice', true, { values: ['debug', 'verbose', 'notice', 'warning'] }),
  // DEBUG is refused unless enabled, like Redis 7.0; `local` (our default, Redis's is `no`) allows it from
  // loopback connections, which is what redis-cli --cluster and the tests use.
  d('enable-debug-command', 'enum', 'local', false, { values: ['no', 'yes', 'local'] }),
  d('daemonize', 'bool', 'no', false),
  d('pidfile', 'string', '', false),
  // 512, not upstream's 128: Debian's redis-server 7.0.15 (the oracle of the differential suite) ships 512.
  d('hash-max-listpack-entries', 'integer', '512', true, { min: 0, aliases: ['hash-max-ziplist-entries'] }),
  d('hash-max-listpack-value', 'integer', '64', true, { min: 0, aliases: ['hash-max-ziplist-value'] }),
  d('set-max-intset-entries', 'integer', '512', true, { min: 0 }),
  d('zset-max-listpack-entries', 'integer', '128', true, { min: 0, aliases: ['zset-max-ziplist-entries'] }),
  d('zset-max-listpack-value', 'integer', '64', true, { min: 0, aliases: ['zset-max-ziplist-value'] }),
  d('list-max-listpack-size', 'integer', '-2', true, { aliases: ['list-max-ziplist-size'] }),
  d('list-compress-depth', 'integer', '0', true, { min: 0 }),
  d('notify-keyspace-events', 'string', '', true),
  d('active-expire-effort', 'integer', '1', true, { min: 1, max: 10 }),
  d('replica-read-only', 'bool', 'yes', true, { aliases: ['slave-read-only'] }),
  d('replicaof', 'string', '', false, { aliases: ['slaveof'], multiWord: true }),
  d('repl-backlog-size', 'memory', '1048576', true, { min: 1 }),
  d('repl-backlog-ttl', 'integer', '3600', true, { min: 0, max: 2_147_483_647 }),
  d('repl-timeout', 'integer', '60', true, { min: 1, max: 2_147_483_647 }),
  d('replica-priority', 'integer', '100', true, { min: 0, max: 2_147_483_647, aliases: ['slave-priority'] }),
  d('replica-announced', 'bool', 'yes', true),
  // Not Redis's: the port of this data-node's ReplicationService (gRPC); 0 = client port + 20000, which is
  // also where replicas dial their master (README "Replication").
  d('replication-port', 'integer', '0', false, { min: 0, max: 65535 }),
  d('cluster-enabled', 'bool', 'no', false),
  d('cluster-config-file', 'string', 'nodes.conf', false),
  d('cluster-node-timeout', 'integer', '15000', true, { min: 0 }),
  d('cluster-port', 'integer', '0', false, { min: 0, max: 65535 }),
  d('cluster-announce-ip', 'string', '', true),
  d('cluster-announce-port', 'integer', '0', true, { min: 0, max: 65535 }),
  d('cluster-announce-bus-port', 'integer', '0', true, { min: 0, max: 65535 }),
  d('cluster-announce-hostname', 'string', '', true),
  d('cluster-require-full-coverage', 'bool', 'yes', true),
  d('cluster-allow-reads-when-down', 'bool', 'no', true),
  d('cluster-allow-pubsubshard-when-down', 'bool', 'yes', true),
  d('cluster-replica-no-failover', 'bool', 'no', true, { aliases: ['cluster-slave-no-failover'] }),
  d('cluster-replica-validity-factor', 'integer', '10', true, {
    min: 0,
    aliases: ['cluster-slave-validity-factor'],
  }),
  d('cluster-migration-barrier', 'integer', '1', true, { min: 0 }),
  d('cluster-allow-replica-migration', 'bool', 'yes', true),
  d('cluster-preferred-endpoint-type', 'enum', 'ip', true, {
    values: ['ip', 'hostname', 'unknown-endpoint'],
  }),
  // Not Redis's: how a cluster node's data-node reaches its gossip-agent (README "Cluster mode").
  // spawn: start the agent as a supervised child process; external: attach to one started separately;
  // local: no agent, an in-process stand-in (single process, tests).
  d('cluster-agent', 'enum', 'spawn', false, { values: ['spawn', 'external', 'local'] }),
  // host:port of the agent's NodeAgentService; empty: 127.0.0.1 (spawn: the bind address) and the bus port.
  d('cluster-agent-address', 'string', '', false),
  // The agent's main.js for spawn; empty: ../gossip-agent/main.js next to the data-node's own main.js.
  d('cluster-agent-script', 'string', '', false),
  // The shared cluster secret proving every bus call; empty: cluster-bus-secret-file, else the insecure
  // development secret (with a warning). Shown by CONFIG GET like masterauth, never logged.
  d('cluster-bus-secret', 'string', '', false, { sensitive: true }),
  // A file holding the secret (trimmed), so it stays out of argv and the config file.
  d('cluster-bus-secret-file', 'string', '', false),
];

/** latency-tracking-info-percentiles: doubles in [0, 100], printed back as given (Redis's error texts). */
function normalizePercentiles(value: string): string {
  const words = value.split(/\s+/).filter((w) => w !== '');
  for (const word of words) {
    const p = Number(word);
    if (!/^[0-9.eE+-]+$/.test(word) || Number.isNaN(p))
      throw new Error('Invalid latency-tracking-info-percentiles parameters');
    if (p < 0 || p > 100)
      throw new Error('latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
  }
  return words.join(' ');
}

const BY_NAME = new Map<string, Directive>();
for (const directive of DIRECTIVES) {
  BY_NAME.set(directive.name, directive);
  for (const alias of directive.aliases ?? []) BY_NAME.set(alias, directive);
}

/** The directive named `name` (case-insensitive, aliases included), or undefined. */
export function findDirective(name: string): Directive | undefined {
  return BY_NAME.get(name.toLowerCase());
}
