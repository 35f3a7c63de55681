// Where a cluster node's gossip-agent lives and how the data-node starts it: the bus port (redis `cluster-port`,
// else client port + 10000), the address the data-node attaches to, and the agent's command line with
// redis-server's directive names, derived from the data-node's own directives:
//   --port <announced client port> --cluster-port <bus port> --bind <first bind address> --dir <dir>
//   --cluster-config-file <file> --cluster-node-timeout <ms>
// plus, when set, --cluster-announce-ip/-port/-bus-port/-hostname, --cluster-require-full-coverage,
// --cluster-allow-replica-migration, --cluster-replica-no-failover, --loglevel and --logfile. The secret is
// not among them (see cluster-secret.ts). Pure: reads the configuration only.
import { resolve } from 'node:path';
import { CLUSTER_PORT_INCR } from '@tessera/cluster-model';
import { ConfigError, ConfigErrorCode, type ConfigStore } from '../config/config-store.js';
import { findDirective } from '../config/config-schema.js';

/** cluster-node-timeout when the directive is 0 (Redis's default). */
const DEFAULT_NODE_TIMEOUT_MS = 15_000;

/** Passed only when set (a value other than empty or 0, and given explicitly or different from the default). */
const OPTIONAL_DIRECTIVES = [
  'cluster-announce-ip',
  'cluster-announce-port',
  'cluster-announce-bus-port',
  'cluster-announce-hostname',
  'cluster-require-full-coverage',
  'cluster-allow-replica-migration',
  'cluster-replica-no-failover',
  'loglevel',
  'logfile',
] as const;

/** The port the agent's bus (and its NodeAgentService) listens on. Throws ConfigError above 65535. */
export function busPortOf(config: ConfigStore, boundPort: number): number {
  const busPort = config.getNumber('cluster-port') || boundPort + CLUSTER_PORT_INCR;
  if (busPort > 65_535) {
    throw new ConfigError(
      `cluster-port: the bus port would be ${busPort} (client port + ${CLUSTER_PORT_INCR}), above 65535; set cluster-port`,
      { code: ConfigErrorCode.invalid, directive: 'cluster-port' },
    );
  }
  return busPort;
}

/** The first address of `bind` as the agent can listen on it (`*` -> 0.0.0.0, `::*` -> ::, `-` dropped). */
export function firstBindAddress(config: ConfigStore): string {
  const first = config
    .get('bind')
    .split(/\s+/)
    .find((word) => word !== '');
  const host = (first ?? '0.0.0.0').replace(/^-/, '');
  if (host === '*') return '0.0.0.0';
  if (host === '::*') return '::';
  return host;
}

/**
 * `host:port` the data-node attaches to: cluster-agent-address when set, else the bus port on 127.0.0.1, or on
 * the first bind address for a spawned agent bound to one specific address. Throws ConfigError when the bus
 * port is needed and above 65535.
 */
export function agentAddressOf(config: ConfigStore, boundPort: number): string {
  const configured = config.get('cluster-agent-address');
  if (configured !== '') return configured;
  const busPort = busPortOf(config, boundPort);
  const bind = firstBindAddress(config);
  if (config.get('cluster-agent') !== 'spawn' || bind === '0.0.0.0') return `127.0.0.1:${busPort}`;
  if (bind === '::') return `[::1]:${busPort}`;
  return bind.includes(':') ? `[${bind}]:${busPort}` : `${bind}:${busPort}`;
}

/** The spawned agent's argv (after the script), from the data-node's directives. */
export function agentArguments(config: ConfigStore, boundPort: number): string[] {
  const announcedPort = config.getNumber('cluster-announce-port') || boundPort;
  const args = [
    '--port',
    String(announcedPort),
    '--cluster-port',
    String(busPortOf(config, boundPort)),
    '--bind',
    firstBindAddress(config),
    '--dir',
    resolve(config.get('dir')),
    '--cluster-config-file',
    config.get('cluster-config-file'),
    '--cluster-node-timeout',
    String(config.getNumber('cluster-node-timeout') || DEFAULT_NODE_TIMEOUT_MS),
  ];
  for (const name of OPTIONAL_DIRECTIVES) {
    const value = config.get(name);
    if (value === '' || value === '0') continue;
    if (!config.explicit.has(name) && value === findDirective(name)?.defaultValue) continue;
    args.push(`--${name}`, value);
  }
  return args;
}
