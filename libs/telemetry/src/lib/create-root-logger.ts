// Builds the one root pino logger of a process (style rule 21): only an app's main.ts calls this;
// components get a child from componentLogger(). Configures fields, level, redaction and output;
// it never logs by itself.
import { pino, type DestinationStream, type Logger } from 'pino';
import { InvalidLogLevelError } from './errors.js';
import { prettyStreamForTerminal } from './pretty-stream.js';

/** Levels accepted in `level` and LOG_LEVEL, most to least severe. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Secret-bearing fields replaced by `[REDACTED]` wherever they appear at these paths (pino
 * redaction, fast-redact syntax). Fixed here on purpose: paths must never come from user input.
 */
export const REDACTED_PATHS = ['password', 'requirepass', 'masterauth', '*.password', 'auth.*'] as const;

export interface RootLoggerOptions {
  /** Name of the process kind, bound as `service` on every line, e.g. `data-node`, `gossip-agent`. */
  service: string;
  /** The cluster node id (40 lowercase hex), bound as `nodeId` on every line; omit when there is none. */
  nodeId?: string;
  /**
   * Minimum level written.
   * @default process.env.LOG_LEVEL, else 'info'
   */
  level?: string;
  /**
   * Where NDJSON lines go (tests pass a stream). When omitted: stdout, pretty-printed through
   * pino-pretty if stdout is a terminal and pino-pretty is installed.
   * @default stdout
   */
  destination?: DestinationStream;
}

/** Creates the process's root logger with `base: { service, nodeId }`. */
export function createRootLogger(options: RootLoggerOptions): Logger {
  const level = resolveLevel(options.level, process.env['LOG_LEVEL']);
  const base: Record<string, string> = { service: options.service };
  if (options.nodeId !== undefined) base['nodeId'] = options.nodeId;
  const config = { level, base, redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' } };
  const destination = options.destination ?? prettyStreamForTerminal(process.stdout);
  return destination === undefined ? pino(config) : pino(config, destination);
}

function resolveLevel(option: string | undefined, env: string | undefined): LogLevel {
  const [source, value] = option !== undefined ? ['option `level`', option] : ['LOG_LEVEL', env || 'info'];
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new InvalidLogLevelError(
      `${source} is ${JSON.stringify(value.slice(0, 40))}; set it to one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  return value as LogLevel;
}
