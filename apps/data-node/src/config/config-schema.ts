// The configuration directives the data-node understands, with redis-server's names, types and defaults
// (redis src/config.c), so operators can reuse their redis.conf and command lines. No I/O.

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
  /** Hidden from CONFIG GET * and CONFIG REWRITE (secrets are still shown by name, like Redis). */
  readonly sensitive?: boolean;
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
  d('bind', 'string', '* -::*', false),
  d('protected-mode', 'bool', 'yes', true),
  d('requirepass', 'string', '', true, { sensitive: true }),
  d('masterauth', 'string', '', true, { sensitive: true }),
  d('maxclients', 'integer', '10000', true, { min: 1, max: 1_000_000 }),
  d('timeout', 'integer', '0', true, { min: 0, max: 2_147_483_647 }),
  d('tcp-keepalive', 'integer', '300', true, { min: 0, max: 2_147_483_647 }),
  d('tcp-backlog', 'integer', '511', false, { min: 0, max: 65535 }),
  d('databases', 'integer', '16', false, { min: 1, max: 2_147_483_647 }),
  d('maxmemory', 'memory', '0', true, { min: 0 }),
  d('maxmemory-policy', 'enum', 'noeviction', true, {
    values: [
      'noeviction',
      'allkeys-lru',
      'volatile-lru',
      'allkeys-lfu',
      'volatile-lfu',
      'allkeys-random',
      'volatile-random',
      'volatile-ttl',
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
  ),
  d('hz', 'integer', '10', true, { min: 1, max: 500 }),
  d('slowlog-log-slower-than', 'integer', '10000', true, { min: -1 }),
  d('slowlog-max-len', 'integer', '128', true, { min: 0 }),
  d('latency-monitor-threshold', 'integer', '0', true, { min: 0 }),
  d('latency-tracking', 'bool', 'yes', true),
  d('latency-tracking-info-percentiles', 'string', '50 99 99.9', true),
  d('lazyfree-lazy-user-del', 'bool', 'no', true),
  d('lazyfree-lazy-user-flush', 'bool', 'no', true),
  d('save', 'string', '', true),
  d('appendonly', 'bool', 'no', true),
  d('dir', 'string', '.', true),
  d('dbfilename', 'string', 'dump.rdb', true),
  d('logfile', 'string', '', false),
  d('loglevel', 'enum', 'notice', true, { values: ['debug', 'verbose', 'notice', 'warning', 'nothing'] }),
  d('daemonize', 'bool', 'no', false),
  d('pidfile', 'string', '', false),
  d('hash-max-listpack-entries', 'integer', '128', true, { min: 0, aliases: ['hash-max-ziplist-entries'] }),
  d('hash-max-listpack-value', 'integer', '64', true, { min: 0, aliases: ['hash-max-ziplist-value'] }),
  d('set-max-intset-entries', 'integer', '512', true, { min: 0 }),
  d('zset-max-listpack-entries', 'integer', '128', true, { min: 0, aliases: ['zset-max-ziplist-entries'] }),
  d('zset-max-listpack-value', 'integer', '64', true, { min: 0, aliases: ['zset-max-ziplist-value'] }),
  d('list-max-listpack-size', 'integer', '-2', true, { aliases: ['list-max-ziplist-size'] }),
  d('list-compress-depth', 'integer', '0', true, { min: 0 }),
  d('notify-keyspace-events', 'string', '', true),
  d('active-expire-effort', 'integer', '1', true, { min: 1, max: 10 }),
  d('replica-read-only', 'bool', 'yes', true, { aliases: ['slave-read-only'] }),
  d('replicaof', 'string', '', false, { aliases: ['slaveof'] }),
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
];

const BY_NAME = new Map<string, Directive>();
for (const directive of DIRECTIVES) {
  BY_NAME.set(directive.name, directive);
  for (const alias of directive.aliases ?? []) BY_NAME.set(alias, directive);
}

/** The directive named `name` (case-insensitive, aliases included), or undefined. */
export function findDirective(name: string): Directive | undefined {
  return BY_NAME.get(name.toLowerCase());
}
