// The failover-coordinator's command line (`--name value`, names case-insensitive):
//   --agents <host:port>[,<host:port>...]   agents' bus addresses to start from (repeatable); the others are
//                                           learned from their topologies
//   [--port 9100] [--bind 127.0.0.1]        where it serves grpc.health.v1 and FailoverCoordinatorService
//   [--poll-interval-ms 100]                how often every agent's view is read
//   [--loglevel debug|verbose|notice|warning] [--logfile <path>]
// The cluster secret comes from the environment as for the agents (TESSERA_CLUSTER_SECRET, or
// TESSERA_CLUSTER_SECRET_FILE naming a file), never from argv; without one the public development secret is
// used and a warning logged. Pure: the caller passes argv, env and a file reader.

/** The agents' and data-nodes' development secret: fine on a laptop only. */
export const DEV_CLUSTER_SECRET = 'tessera-insecure-development-secret';
/** Default gRPC port (architecture: coordinator 9100). */
export const DEFAULT_COORDINATOR_PORT = 9100;

export interface CoordinatorOptions {
  /** Agents' bus addresses to start from, `host:port` (IPv6 in brackets). */
  readonly agents: readonly string[];
  /** gRPC port (0: any free port). */
  readonly port: number;
  readonly bind: string;
  /** How often every agent's view is read, ms. */
  readonly pollIntervalMs: number;
  /** pino level. */
  readonly logLevel: string;
  /** Empty: stdout. */
  readonly logFile: string;
  readonly secret: string;
  /** True when no secret was configured and DEV_CLUSTER_SECRET is used. */
  readonly insecureSecret: boolean;
}

export class CoordinatorConfigError extends Error {
  override readonly name = 'CoordinatorConfigError';
  readonly code = 'RC_ERR_COORDINATOR_CONFIG_INVALID';
}

const LOG_LEVELS: Record<string, string> = {
  debug: 'debug',
  verbose: 'debug',
  notice: 'info',
  warning: 'warn',
};

const KNOWN = new Set(['agents', 'port', 'bind', 'poll-interval-ms', 'loglevel', 'logfile']);
const ADDRESS = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function parseCoordinatorOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): CoordinatorOptions {
  const values = new Map<string, string>();
  const agents: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    if (!flag.startsWith('--')) throw new CoordinatorConfigError(`expected --<option>, got '${flag}'`);
    const name = flag.slice(2).toLowerCase();
    if (!KNOWN.has(name)) throw new CoordinatorConfigError(`unknown option '${name}'`);
    const value = argv[i + 1];
    if (value === undefined) throw new CoordinatorConfigError(`'${name}' needs a value`);
    if (name === 'agents') agents.push(...value.split(',').filter((part) => part !== ''));
    else values.set(name, value);
  }
  if (agents.length === 0) {
    throw new CoordinatorConfigError(
      "'agents' is required: the bus address (host:port) of at least one gossip-agent",
    );
  }
  for (const address of agents) {
    const match = ADDRESS.exec(address);
    if (match === null || Number(match[1]) < 1 || Number(match[1]) > 65_535) {
      throw new CoordinatorConfigError(`'agents': ${address} is not host:port`);
    }
  }
  const level = (values.get('loglevel') ?? 'notice').toLowerCase();
  if (LOG_LEVELS[level] === undefined) {
    throw new CoordinatorConfigError('loglevel must be debug|verbose|notice|warning');
  }
  const secret = secretOf(env, readFile);
  return {
    agents: [...new Set(agents)],
    port: integerOf(values, 'port', DEFAULT_COORDINATOR_PORT, 0, 65_535),
    bind: values.get('bind') ?? '127.0.0.1',
    pollIntervalMs: integerOf(values, 'poll-interval-ms', 100, 10, 60_000),
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
    throw new CoordinatorConfigError(
      `cannot read TESSERA_CLUSTER_SECRET_FILE ${file}: ${(error as Error).message}`,
    );
  }
  const secret = text.trim();
  if (secret === '') throw new CoordinatorConfigError(`TESSERA_CLUSTER_SECRET_FILE ${file} is empty`);
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
  if (!/^[0-9]+$/.test(text)) throw new CoordinatorConfigError(`'${name}' must be an integer, got '${text}'`);
  const value = Number(text);
  if (value < min || value > max)
    throw new CoordinatorConfigError(`'${name}' must be in ${min}..${max}, got ${text}`);
  return value;
}
