// Picks human-readable log output for a developer at a terminal: pino-pretty, loaded lazily because
// it is a devDependency that production installs do not have. Everything else gets NDJSON.
// Runs once at start-up, never per log line.
import { createRequire } from 'node:module';
import type { DestinationStream } from 'pino';

/** The part of pino-pretty's factory this lib uses. */
export type PrettyFactory = (options: {
  colorize?: boolean;
  translateTime?: string;
  ignore?: string;
  sync?: boolean;
  /** Where pretty text goes. @default stdout */
  destination?: NodeJS.WritableStream;
}) => DestinationStream;

const require = createRequire(import.meta.url);

/** Loads pino-pretty if it is installed; `undefined` when it is not (production installs). */
export function loadPinoPretty(): PrettyFactory | undefined {
  try {
    return require('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
}

/**
 * A pino-pretty stream when `stdout` is a terminal and pino-pretty can be loaded, otherwise
 * `undefined`, meaning "write NDJSON to stdout" (pipes, files, CI, containers).
 */
export function prettyStreamForTerminal(
  stdout: { isTTY?: boolean },
  load: () => PrettyFactory | undefined = loadPinoPretty,
): DestinationStream | undefined {
  if (stdout.isTTY !== true) return undefined;
  const pretty = load();
  // service/nodeId/component stay visible: they are what tells the processes of a dev cluster apart.
  return pretty?.({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true });
}
