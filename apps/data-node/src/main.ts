// data-node entry point: wiring only. Reads the configuration (redis-server style command line and config
// file), builds the node, listens, and shuts down gracefully on SIGINT/SIGTERM or SHUTDOWN.
import { createRootLogger } from '@tessera/telemetry';
import { createDataNode } from './app/create-data-node.js';
import { parseCommandLine } from './config/parse-command-line.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createRootLogger({ service: 'data-node' });
  const node = await createDataNode({ config, logger });
  logger.info({ port: node.port }, 'data-node ready to accept connections');

  let stopping = false;
  const shutdown = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    void node.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  node.state.lifecycle = { shutdown };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
