// failover-coordinator entry point: wiring only. Parses the command line (config/coordinator-options.ts),
// creates the logger, starts the coordinator, and stops it on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createRootLogger } from '@tessera/telemetry';
import { createCoordinator } from './app/create-coordinator.js';
import { parseCoordinatorOptions, type CoordinatorOptions } from './config/coordinator-options.js';

async function main(): Promise<void> {
  let options: CoordinatorOptions;
  try {
    options = parseCoordinatorOptions(process.argv.slice(2), process.env, (path) =>
      readFileSync(path, 'utf8'),
    );
  } catch (error) {
    process.stderr.write(`failover-coordinator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createRootLogger({
    service: 'failover-coordinator',
    level: process.env['LOG_LEVEL'] ? undefined : options.logLevel,
    ...(options.logFile === ''
      ? {}
      : { destination: pino.destination({ dest: options.logFile, append: true, mkdir: true }) }),
  });
  if (options.insecureSecret) {
    logger.warn(
      'no cluster secret configured (TESSERA_CLUSTER_SECRET): using the public development secret, agents with a real secret will refuse this coordinator',
    );
  }
  const running = await createCoordinator(options, logger);
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    setTimeout(() => process.exit(0), 3000).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `failover-coordinator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
