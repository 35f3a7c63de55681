// gossip-agent entry point: wiring only. Parses the redis-style command line (config/agent-options.ts),
// creates the logger, starts the agent, and stops it on SIGINT/SIGTERM — or when the data-node that
// spawned it dies (the IPC channel closes), so a killed node never leaves an agent gossiping for it.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createRootLogger } from '@tessera/telemetry';
import { createAgent } from './app/create-agent.js';
import { parseAgentOptions, type AgentOptions } from './config/agent-options.js';

async function main(): Promise<void> {
  let options: AgentOptions;
  try {
    options = parseAgentOptions(process.argv.slice(2), process.env, (path) => readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(`gossip-agent: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createRootLogger({
    service: 'gossip-agent',
    level: process.env['LOG_LEVEL'] ? undefined : options.logLevel,
    ...(options.logFile === ''
      ? {}
      : { destination: pino.destination({ dest: options.logFile, append: true, mkdir: true }) }),
  });
  if (options.insecureSecret) {
    logger.warn(
      'no cluster secret configured (TESSERA_CLUSTER_SECRET): using the public development secret, the bus is not protected',
    );
  }
  const agent = await createAgent(options, logger);
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    setTimeout(() => process.exit(0), 3000).unref();
    agent.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (process.connected) process.on('disconnect', () => stop('data-node gone'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gossip-agent failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
