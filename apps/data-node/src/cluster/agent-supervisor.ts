// Runs the node's gossip-agent as a supervised child process (`cluster-agent spawn`): `process.execPath` on the
// agent script with `child_process.fork`, so stdio is inherited and an IPC channel lets the agent notice when
// its data-node dies. An agent that exits on its own is logged and restarted with backoff (1 s doubling to
// 10 s; a run of `stableAfterMs` resets it). `close()` sends SIGTERM and waits, bounded, then SIGKILLs.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Logger } from '@tessera/telemetry';
import { backoffDelay, type BackoffPolicy } from './backoff.js';

export interface AgentSupervisorOptions {
  /** Path of the agent's main.js. */
  readonly script: string;
  /** Its arguments (agent-command-line.ts). */
  readonly args: readonly string[];
  /** Its whole environment (the cluster secret included). */
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  /** Delay before a restart. @default 1 s doubling to 10 s */
  readonly restart?: BackoffPolicy;
  /** A run at least this long resets the restart delay. @default 30000 */
  readonly stableAfterMs?: number;
  /** How long `close()` waits after SIGTERM before SIGKILL. @default 2500 */
  readonly stopTimeoutMs?: number;
}

const DEFAULT_RESTART: BackoffPolicy = { initialMs: 1_000, maxMs: 10_000 };

export class AgentSupervisor {
  /** Times the agent was started again after an unexpected exit. */
  restarts = 0;
  private child: ChildProcess | null = null;
  private startedAt = 0;
  private attempt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly options: AgentSupervisorOptions) {}

  /** The running agent's pid, if one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.stopping || this.child !== null) return;
    const { script, log } = this.options;
    if (!existsSync(script)) {
      log.error(
        { script },
        'gossip-agent script not found: build it (nx build gossip-agent) or set cluster-agent-script',
      );
      this.scheduleRestart();
      return;
    }
    let child: ChildProcess;
    try {
      child = fork(script, [...this.options.args], {
        env: this.options.env,
        execPath: process.execPath,
        execArgv: [],
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      });
    } catch (err) {
      log.error({ err, script }, 'could not start the gossip-agent');
      this.scheduleRestart();
      return;
    }
    this.child = child;
    this.startedAt = Date.now();
    log.info({ pid: child.pid, script }, 'gossip-agent started');
    let gone = false;
    const onGone = (code: number | null, signal: NodeJS.Signals | null, err?: Error): void => {
      if (gone) return;
      gone = true;
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      log.warn({ pid: child.pid, code, signal, err }, 'gossip-agent exited; restarting it');
      if (Date.now() - this.startedAt >= (this.options.stableAfterMs ?? 30_000)) this.attempt = 0;
      this.scheduleRestart();
    };
    child.on('exit', (code, signal) => onGone(code, signal));
    child.on('error', (err) => onGone(null, null, err));
    // The agent may exit while the channel still has a message queued: never let that crash the data-node.
    child.on('disconnect', () => undefined);
  }

  /** SIGTERM, then wait for the exit (SIGKILL after stopTimeoutMs); resolves once the agent is gone. */
  async close(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeoutMs = this.options.stopTimeoutMs ?? 2_500;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    if ((await Promise.race([exited, late])) === 'late') {
      this.options.log.warn({ pid: child.pid, timeoutMs }, 'gossip-agent ignored SIGTERM; killing it');
      child.kill('SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }

  private scheduleRestart(): void {
    if (this.stopping || this.restartTimer !== null) return;
    const delay = backoffDelay(this.options.restart ?? DEFAULT_RESTART, this.attempt++);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarts++;
      this.start();
    }, delay);
    this.restartTimer.unref();
  }
}
