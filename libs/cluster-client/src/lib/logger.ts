// The logger this library writes to, declared by its consumer (style rule 16): four levels taking
// structured fields and a stable message. The pino `Logger` of @tessera/telemetry satisfies it, so apps
// pass their component logger (`componentLogger(root, 'worker:cluster-client')`); tests pass nothing.
// Nothing is logged per command above debug.

export interface ClusterClientLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const ignore = (): void => undefined;

/** Drops everything (the default). */
export const SILENT_LOGGER: ClusterClientLogger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
