// The gossip-agent's command line, with redis-server's directive names (`--name value`, names
// case-insensitive, yes/no booleans), as its data-node passes them when it spawns the agent:
//   --port <client port> [--cluster-port <bus port>] [--bind <ip>] [--dir <path>]
//   [--cluster-config-file <file>] [--cluster-node-timeout <ms>] [--cluster-announce-ip <ip>]
//   [--cluster-announce-port <port>] [--cluster-announce-bus-port <port>] [--cluster-announce-hostname <name>]
//   [--cluster-require-full-coverage yes|no] [--cluster-allow-replica-migration yes|no]
//   [--cluster-replica-no-failover yes|no] [--cluster-replica-validity-factor <n>]
//   [--cluster-migration-barrier <n>] [--loglevel debug|verbose|notice|warning] [--logfile <path>]
// The cluster secret comes from the environment (TESSERA_CLUSTER_SECRET, or TESSERA_CLUSTER_SECRET_FILE naming
// a file), never from argv where `ps` shows it. Without one the agent uses DEV_CLUSTER_SECRET and says so.
// Pure: the caller passes argv, env and a file reader.
import { isAbsolute, join } from 'node:path';

/** What everyone gets without a configured secret (the data-node uses the same): fine on a laptop only. */
export const DEV_CLUSTER_SECRET = 'tessera-insecure-development-secret';

export interface AgentOptions {
  /** Client port of the node (announced as the node's port unless cluster-announce-port). */
  readonly port: number;
  /** Port the bus (and the Attach service for the data-node) listens on. */
  readonly busPort: number;
  /** Address the bus listens on. */
  readonly bind: string;
  /** nodes.conf path (absolute, resolved against --dir). */
  readonly configFile: string;
  readonly nodeTimeout: number;
  readonly announceIp: string;
  readonly announcePort: number;
  readonly announceBusPort: number;
  readonly announceHostname: string;
  readonly requireFullCoverage: boolean;
  readonly allowReplicaMigration: boolean;
  readonly replicaNoFailover: boolean;
  /** cluster-replica-validity-factor (0: a replica always tries to fail over). */
  readonly replicaValidityFactor: number;
  /** cluster-migration-barrier. */
  readonly migrationBarrier: number;
  /** pino level. */
  readonly logLevel: string;
  /** Empty: stdout. */
  readonly logFile: string;
  readonly secret: string;
  /** True when no secret was configured and DEV_CLUSTER_SECRET is used. */
  readonly insecureSecret: boolean;
}

export class AgentConfigError extends Error {
  readonly code = 'RC_ERR_AGENT_CONFIG_INVALID';
}

const LOG_LEVELS: Record<string, string> = {
  debug: 'debug',
  verbose: 'debug',
  notice: 'info',
  warning: 'warn',
};

const KNOWN = new Set([
  'port',
  'cluster-port',
  'bind',
  'dir',
  'cluster-config-file',
  'cluster-node-timeout',
  'cluster-announce-ip',
  'cluster-announce-port',
  'cluster-announce-bus-port',
  'cluster-announce-hostname',
  'cluster-require-full-coverage',
  'cluster-allow-replica-migration',
  'cluster-replica-no-failover',
  'cluster-replica-validity-factor',
  'cluster-migration-barrier',
  'loglevel',
  'logfile',
]);

export function parseAgentOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): AgentOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    if (!flag.startsWith('--')) throw new AgentConfigError(`expected --<directive>, got '${flag}'`);
    const name = flag.slice(2).toLowerCase();
    if (!KNOWN.has(name)) throw new AgentConfigError(`unknown directive '${name}'`);
    const value = argv[i + 1];
    if (value === undefined) throw new AgentConfigError(`'${name}' needs a value`);
    values.set(name, value);
  }
  if (!values.has('port')) throw new AgentConfigError("'port' is required (the node's client port)");
  const port = portOf(values, 'port', 0);
  const busPort = portOf(values, 'cluster-port', 0) || port + 10_000;
  if (busPort > 65_535) {
    throw new AgentConfigError(
      `bus port ${busPort} is above 65535: set cluster-port (port + 10000 by default)`,
    );
  }
  const dir = values.get('dir') ?? '.';
  const file = values.get('cluster-config-file') ?? 'nodes.conf';
  const level = (values.get('loglevel') ?? 'notice').toLowerCase();
  if (LOG_LEVELS[level] === undefined)
    throw new AgentConfigError(`loglevel must be debug|verbose|notice|warning`);
  const secret = secretOf(env, readFile);
  return {
    port,
    busPort,
    bind: values.get('bind') ?? '0.0.0.0',
    configFile: isAbsolute(file) ? file : join(dir, file),
    nodeTimeout: integerOf(values, 'cluster-node-timeout', 15_000, 1, 2 ** 31 - 1),
    announceIp: values.get('cluster-announce-ip') ?? '',
    announcePort: portOf(values, 'cluster-announce-port', 0),
    announceBusPort: portOf(values, 'cluster-announce-bus-port', 0),
    announceHostname: values.get('cluster-announce-hostname') ?? '',
    requireFullCoverage: booleanOf(values, 'cluster-require-full-coverage', true),
    allowReplicaMigration: booleanOf(values, 'cluster-allow-replica-migration', true),
    replicaNoFailover: booleanOf(values, 'cluster-replica-no-failover', false),
    replicaValidityFactor: integerOf(values, 'cluster-replica-validity-factor', 10, 0, 2 ** 31 - 1),
    migrationBarrier: integerOf(values, 'cluster-migration-barrier', 1, 0, 2 ** 31 - 1),
    logLevel: LOG_LEVELS[level] as string,
    logFile: values.get('logfile') ?? '',
    secret: secret ?? DEV_CLUSTER_SECRET,
    insecureSecret: secret === null,
  };
}

function secretOf(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): string | null {
  const direct = env['TESSERA_CLUSTER_SECRET'];
  if (direct !== undefined && direct !== '') return direct;
  const file = env['TESSERA_CLUSTER_SECRET_FILE'];
  if (file === undefined || file === '') return null;
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new AgentConfigError(
      `cannot read TESSERA_CLUSTER_SECRET_FILE ${file}: ${(error as Error).message}`,
    );
  }
  const secret = text.trim();
  if (secret === '') throw new AgentConfigError(`TESSERA_CLUSTER_SECRET_FILE ${file} is empty`);
  return secret;
}

function integerOf(
  values: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = values.get(name);
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text)) throw new AgentConfigError(`'${name}' must be an integer, got '${text}'`);
  const value = Number(text);
  if (value < min || value > max)
    throw new AgentConfigError(`'${name}' must be in ${min}..${max}, got ${text}`);
  return value;
}

function portOf(values: Map<string, string>, name: string, fallback: number): number {
  return values.has(name) ? integerOf(values, name, fallback, name === 'port' ? 1 : 0, 65_535) : fallback;
}

function booleanOf(values: Map<string, string>, name: string, fallback: boolean): boolean {
  const text = values.get(name)?.toLowerCase();
  if (text === undefined) return fallback;
  if (text !== 'yes' && text !== 'no')
    throw new AgentConfigError(`'${name}' must be yes or no, got '${text}'`);
  return text === 'yes';
}
