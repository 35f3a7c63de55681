// data-node entry point: wiring only. Reads the configuration (redis-server style command line and config
// file), creates the root logger, builds the node, listens, and shuts down gracefully on SIGINT/SIGTERM or
// SHUTDOWN: stop accepting, flush and close clients (sockets that linger are destroyed after a grace
// period), then exit 0.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRootLogger } from '@tessera/telemetry';
import { createDataNode } from './app/create-data-node.js';
import type { ConfigStore } from './config/config-store.js';
import { parseCommandLine } from './config/parse-command-line.js';

/** Redis's `loglevel` names mapped to the logger's levels (LOG_LEVEL in the environment wins). */
const LOG_LEVEL_OF: Record<string, string> = {
  debug: 'debug',
  verbose: 'debug',
  notice: 'info',
  warning: 'warn',
};

/** Exit even if closing hangs (a stuck listener): the grace period of RespServer.close plus a margin. */
const SHUTDOWN_DEADLINE_MS = 5000;

async function main(): Promise<void> {
  let config: ConfigStore;
  try {
    config = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createRootLogger({
    service: 'data-node',
    level: process.env['LOG_LEVEL'] ? undefined : LOG_LEVEL_OF[config.get('loglevel')],
  });
  // A spawned gossip-agent is dist/apps/gossip-agent/main.js next to this dist/apps/data-node/main.js.
  const agentScript = resolve(dirname(fileURLToPath(import.meta.url)), '../gossip-agent/main.js');
  const node = await createDataNode({ config, logger, agentScript });
  logger.info({ port: node.port, configFile: config.configFile }, 'data-node ready to accept connections');

  let stopping = false;
  const shutdown = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown did not finish in time; exiting anyway');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    node.close().then(
      () => {
        logger.info('bye');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  node.state.lifecycle = { shutdown };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`data-node failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
