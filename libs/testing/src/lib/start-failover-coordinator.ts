// Starts the built failover-coordinator (dist/apps/failover-coordinator/main.js) as a real process watching
// the given gossip-agents (their bus addresses, `host:port`), with the cluster secret in its environment, on
// a free port. `status()` reads its FailoverCoordinatorService (what it sees, the elections it ran). Several
// may run at once. Disposable: `await using coordinator = await startFailoverCoordinator(...)`. Build it
// first (`npx nx build failover-coordinator`).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials } from '@grpc/grpc-js';
import {
  AuthenticatedClient,
  deriveBusKey,
  FailoverCoordinatorServiceService,
  type GetCoordinatorStatusResponse,
} from '@tessera/proto';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Path of the built failover-coordinator entry point. */
export const FAILOVER_COORDINATOR_MAIN = join(workspaceRoot, 'dist/apps/failover-coordinator/main.js');

export interface FailoverCoordinatorOptions {
  /** Bus addresses (`host:port`) of the agents to start from; it learns the others from their topologies. */
  agents: readonly string[];
  /** The cluster secret (the agents'). */
  secret: string;
  /** How often it reads every agent's view. @default 100 */
  pollIntervalMs?: number;
  /** LOG_LEVEL of the process. @default 'info' */
  logLevel?: string;
  /** Write the log here (JSON lines) instead of keeping it in memory. */
  logFile?: string;
  /** @default env TESSERA_FAILOVER_COORDINATOR_MAIN, else dist/apps/failover-coordinator/main.js */
  main?: string;
}

export interface RunningFailoverCoordinator extends AsyncDisposable {
  readonly port: number;
  readonly process: ManagedProcess;
  /** Its GetCoordinatorStatus answer. */
  status(): Promise<GetCoordinatorStatusResponse>;
  /** SIGKILL. */
  kill(): void;
  /** SIGTERM, then SIGKILL after 3 s. Idempotent. */
  stop(): Promise<void>;
}

export async function startFailoverCoordinator(
  options: FailoverCoordinatorOptions,
): Promise<RunningFailoverCoordinator> {
  const main = options.main ?? process.env['TESSERA_FAILOVER_COORDINATOR_MAIN'] ?? FAILOVER_COORDINATOR_MAIN;
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: run \`npx nx build failover-coordinator\` first`);
  }
  if (options.agents.length === 0)
    throw new Error('startFailoverCoordinator: give at least one agent address');
  const port = await freePort();
  if (options.logFile !== undefined) mkdirSync(dirname(options.logFile), { recursive: true });
  const child = await ManagedProcess.start({
    command: process.execPath,
    args: [
      main,
      '--agents',
      options.agents.join(','),
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--poll-interval-ms',
      String(options.pollIntervalMs ?? 100),
      ...(options.logFile === undefined ? [] : ['--logfile', options.logFile]),
    ],
    readyPort: port,
    host: '127.0.0.1',
    env: {
      ...process.env,
      TESSERA_CLUSTER_SECRET: options.secret,
      LOG_LEVEL: options.logLevel ?? 'info',
    },
  });
  const client = new AuthenticatedClient(
    FailoverCoordinatorServiceService,
    `127.0.0.1:${port}`,
    credentials.createInsecure(),
    { keys: [deriveBusKey(options.secret)] },
  );
  const stop = async (): Promise<void> => {
    client.close();
    await child.stop();
  };
  return {
    port,
    process: child,
    status: () => client.unary('getCoordinatorStatus', {}, { deadline: Date.now() + 2000 }),
    kill: () => {
      client.close();
      child.signal('SIGKILL');
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
