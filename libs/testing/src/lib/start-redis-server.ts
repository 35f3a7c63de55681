// Starts a real redis-server (the oracle of differential tests) on a free port with no persistence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { requireProgram } from './require-program.js';

export interface RedisServerOptions {
  /** Extra `--name value` directives. */
  args?: readonly string[];
}

export interface RunningServer extends AsyncDisposable {
  readonly port: number;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningServer> {
  const program = requireProgram('redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tessera-redis-'));
  const process = await ManagedProcess.start({
    command: program,
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...(options.args ?? []),
    ],
    readyPort: port,
  });
  const stop = async () => {
    await process.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, process, stop, [Symbol.asyncDispose]: stop };
}
