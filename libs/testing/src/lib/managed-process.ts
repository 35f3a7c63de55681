// A child process owned by a test: output kept for failure messages, readiness by port, and teardown
// (SIGTERM, then SIGKILL) through `await using` / Symbol.asyncDispose, even when the test fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { waitForPort } from './wait-for-port.js';

export interface ManagedProcessOptions {
  command: string;
  args: readonly string[];
  /** Port that accepts connections once the process is ready. */
  readyPort: number;
  host?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** @default 15000 */
  readyTimeoutMs?: number;
}

export class ManagedProcess implements AsyncDisposable {
  private output = '';
  private exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (d: Buffer) => this.append(d));
    child.stderr?.on('data', (d: Buffer) => this.append(d));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static async start(options: ManagedProcessOptions): Promise<ManagedProcess> {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const managed = new ManagedProcess(child, options.readyPort);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(
          new Error(`${options.command} exited early (code ${code}, signal ${signal}):\n${managed.output}`),
        ),
      );
    });
    try {
      await Promise.race([
        waitForPort(options.readyPort, options.host, options.readyTimeoutMs ?? 15_000),
        failed,
      ]);
    } catch (err) {
      await managed.stop();
      throw err;
    }
    failed.catch(() => undefined);
    return managed;
  }

  /** Everything the process printed (last 64 KB). */
  get logs(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private append(data: Buffer): void {
    this.output += data.toString('utf8');
    if (this.output.length > 65536) this.output = this.output.slice(-65536);
  }
}
