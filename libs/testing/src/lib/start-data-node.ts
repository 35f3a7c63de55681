// Starts the built data-node (dist/apps/data-node/main.js) as a real process on a free port.
// Build it first (`nx build data-node`; e2e targets depend on it).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import type { RunningServer } from './start-redis-server.js';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Path of the built data-node entry point. */
export const DATA_NODE_MAIN = join(workspaceRoot, 'dist/apps/data-node/main.js');

export interface DataNodeOptions {
  /** Extra `--name value` directives. */
  args?: readonly string[];
}

export async function startDataNode(options: DataNodeOptions = {}): Promise<RunningServer> {
  if (!existsSync(DATA_NODE_MAIN)) {
    throw new Error(`${DATA_NODE_MAIN} is missing: run \`npx nx build data-node\` first`);
  }
  const port = await freePort();
  const process = await ManagedProcess.start({
    command: 'node',
    args: [DATA_NODE_MAIN, '--port', String(port), '--bind', '127.0.0.1', ...(options.args ?? [])],
    readyPort: port,
    env: { ...globalThis.process.env, LOG_LEVEL: globalThis.process.env['LOG_LEVEL'] ?? 'warn' },
  });
  const stop = () => process.stop();
  return { port, process, stop, [Symbol.asyncDispose]: stop };
}
