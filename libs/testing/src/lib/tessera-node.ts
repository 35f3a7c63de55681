// One tessera cluster node as real processes: the built data-node (dist/apps/data-node/main.js) in cluster mode,
// which spawns its gossip-agent as a child. Output of both goes to `<dir>/node.log` (appended across restarts).
// Faults act on both processes by pid: SIGKILL, SIGSTOP/SIGCONT; restart() starts the node again on its ports
// with its nodes.conf. It never signals anything it did not start (the agent is found as the data-node's child).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { callPort } from './call-port.js';
import { childPids, isAlive, signalPid } from './process-tree.js';
import { waitFor } from './wait-for.js';
import { waitForPort } from './wait-for-port.js';

export interface TesseraNodeConfig {
  /** Client (RESP) port; the bus port is port + 10000. */
  readonly port: number;
  /** The node's own folder: nodes.conf and node.log. */
  readonly dir: string;
  readonly nodeTimeoutMs: number;
  /** Given to the data-node as `cluster-bus-secret`; the data-node hands it to its agent. */
  readonly secret: string;
  /** Extra `--directive value` pairs. */
  readonly args: readonly string[];
  /** LOG_LEVEL of both processes. */
  readonly logLevel: string;
  readonly readyTimeoutMs: number;
  /** The data-node's main.js; its gossip-agent is `../gossip-agent/main.js` next to it. */
  readonly main: string;
  /** Turns the data-node's command line into the one to spawn (same pid after exec), e.g. to enter a cgroup. */
  readonly wrap?: (command: string, args: readonly string[]) => [string, string[]];
}

const HOST = '127.0.0.1';
const live = new Set<number>();
let exitHookInstalled = false;

/** Last resort when the test process exits without disposing its cluster: no node outlives it. */
function trackPid(pid: number): void {
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const tracked of live) signalPid(tracked, 'SIGKILL');
  });
}

export class TesseraNode {
  readonly port: number;
  readonly busPort: number;
  readonly dir: string;
  readonly logFile: string;
  /** The `cluster-config-file` name, in `dir`. */
  readonly configFile: string;
  #child: ChildProcess | null = null;
  #agentPid: number | null = null;
  #exited: Promise<void> = Promise.resolve();
  #paused = false;

  constructor(readonly config: TesseraNodeConfig) {
    this.port = config.port;
    this.busPort = config.port + 10_000;
    this.dir = config.dir;
    this.logFile = join(config.dir, 'node.log');
    this.configFile = `nodes-${config.port}.conf`;
  }

  /** The data-node's pid (of the current run). */
  get pid(): number {
    const pid = this.#child?.pid;
    if (pid === undefined) throw new Error(`node ${this.port} was never started`);
    return pid;
  }

  /** The gossip-agent's pid, as found when the node became ready (see `findAgentPid` for a fresh look). */
  get agentPid(): number {
    if (this.#agentPid === null) throw new Error(`node ${this.port}: no gossip-agent found`);
    return this.#agentPid;
  }

  /** True while the data-node process has not exited (a SIGSTOPped node is running). */
  get running(): boolean {
    const child = this.#child;
    return child !== null && child.exitCode === null && child.signalCode === null;
  }

  /** True between stop() and cont(). */
  get paused(): boolean {
    return this.#paused;
  }

  /** Running and not paused: it can answer. */
  get responsive(): boolean {
    return this.running && !this.#paused;
  }

  /** Exit code and signal of the data-node's last run, or null while it runs. */
  get exit(): { code: number | null; signal: NodeJS.Signals | null } | null {
    const child = this.#child;
    return child === null || this.running ? null : { code: child.exitCode, signal: child.signalCode };
  }

  /** The node's log (data-node and agent output), last `bytes` of it. */
  logs(bytes = 16_384): string {
    if (!existsSync(this.logFile)) return '';
    const text = readFileSync(this.logFile, 'utf8');
    return text.length > bytes ? text.slice(-bytes) : text;
  }

  /** The data-node's gossip-agent child right now (null when there is none). */
  findAgentPid(): number | null {
    if (!this.running) return null;
    const agents = childPids(this.pid).filter(
      (pid) => isAlive(pid) && commandLine(pid).includes('gossip-agent'),
    );
    return agents[0] ?? null;
  }

  /**
   * Starts the data-node (which spawns its agent) and waits until it answers CLUSTER MYID with a node id, its
   * bus port accepts connections and its agent is found.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error(`node ${this.port} is already running`);
    if (!existsSync(this.config.main)) {
      throw new Error(`${this.config.main} is missing: run \`npx nx build data-node gossip-agent\` first`);
    }
    mkdirSync(this.dir, { recursive: true });
    const log = openSync(this.logFile, 'a');
    writeSync(log, `--- harness: starting node ${this.port} at ${new Date().toISOString()}\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: this.config.logLevel };
    // Only the directive decides the secret: nothing inherited from the shell running the tests.
    delete env['TESSERA_CLUSTER_SECRET'];
    delete env['TESSERA_CLUSTER_SECRET_FILE'];
    // prettier-ignore
    const args = [
      this.config.main,
      '--port', String(this.port), '--bind', HOST, '--dir', this.dir,
      '--cluster-enabled', 'yes', '--cluster-config-file', this.configFile,
      '--cluster-node-timeout', String(this.config.nodeTimeoutMs),
      '--cluster-bus-secret', this.config.secret,
      ...this.config.args,
    ];
    const [command, argv] = this.config.wrap?.(process.execPath, args) ?? [process.execPath, args];
    const child = spawn(command, argv, { cwd: this.dir, env, stdio: ['ignore', log, log] });
    closeSync(log);
    this.#child = child;
    this.#agentPid = null;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    if (child.pid !== undefined) trackPid(child.pid);
    const exitedEarly = this.#exited.then(() => {
      throw new Error(
        `node ${this.port} exited while starting (${JSON.stringify(this.exit)}); ${this.logFile}:\n${this.logs(4000)}`,
      );
    });
    try {
      await Promise.race([this.waitReady(), exitedEarly]);
    } catch (error) {
      await this.kill();
      throw error;
    }
    exitedEarly.catch(() => undefined);
  }

  /**
   * Ready = the data-node routes by its agent's topology: CLUSTER MYID (which is a placeholder id until the
   * first snapshot arrives) equals the myself id the agent wrote to nodes.conf, the bus port accepts
   * connections, and the agent process is found.
   */
  private async waitReady(): Promise<void> {
    const timeoutMs = this.config.readyTimeoutMs;
    await waitForPort(this.port, HOST, timeoutMs);
    await waitFor(
      `node ${this.port}: CLUSTER MYID = the id in ${this.configFile}, bus port ${this.busPort}, gossip-agent`,
      async () => {
        const myid = String(await callPort(this.port, ['CLUSTER', 'MYID']));
        const saved = this.savedNodeId();
        if (saved === null) return `no myself line in ${this.configFile} yet`;
        if (myid !== saved) return `CLUSTER MYID answers ${myid}, ${this.configFile} says ${saved}`;
        await waitForPort(this.busPort, HOST, 100);
        this.#agentPid = this.findAgentPid();
        return this.#agentPid === null ? `no gossip-agent child of pid ${this.pid} yet` : true;
      },
      { timeoutMs, intervalMs: 50 },
    );
    trackPid(this.agentPid);
  }

  /** The node id on the `myself` line of nodes.conf (written by the agent), or null. */
  savedNodeId(): string | null {
    try {
      const text = readFileSync(join(this.dir, this.configFile), 'utf8');
      return /^([0-9a-f]{40}) \S+ (?:\S+,)?myself[, ]/m.exec(text)?.[1] ?? null;
    } catch {
      return null;
    }
  }

  /** SIGKILLs the data-node and its agent (no goodbye to anyone) and waits until both are gone. */
  async kill(): Promise<void> {
    await this.signalBoth('SIGKILL');
    await this.#exited;
    this.#paused = false;
    await waitFor(`node ${this.port}'s processes to be gone`, () => this.processesGone(), {
      timeoutMs: 5000,
      intervalMs: 20,
    });
    for (const pid of [this.#child?.pid, this.#agentPid])
      if (pid !== undefined && pid !== null) live.delete(pid);
  }

  /** SIGSTOP both processes: they keep their sockets open but answer nothing (a hung node). */
  async stop(): Promise<void> {
    await this.signalBoth('SIGSTOP');
    this.#paused = true;
  }

  /** SIGCONT both processes. */
  async cont(): Promise<void> {
    await this.signalBoth('SIGCONT');
    this.#paused = false;
  }

  /** Starts the node again after kill() (or after it exited): same dir, ports and nodes.conf. */
  async restart(): Promise<void> {
    if (this.running) throw new Error(`node ${this.port} is still running: kill() it before restart()`);
    const gone = this.processesGone();
    if (gone !== true) throw new Error(`node ${this.port}: ${gone}`);
    await this.start();
  }

  /** True when neither process is alive, else which one is. */
  processesGone(): true | string {
    if (this.running) return `data-node ${this.#child?.pid} runs`;
    if (this.#agentPid !== null && isAlive(this.#agentPid)) return `gossip-agent ${this.#agentPid} runs`;
    return true;
  }

  private async signalBoth(signal: NodeJS.Signals): Promise<void> {
    // The agent the data-node has now (its supervisor may have replaced the one found at start).
    const current = this.findAgentPid();
    if (current !== null) this.#agentPid = current;
    const pids = [this.running ? this.#child?.pid : undefined, this.#agentPid];
    for (const pid of pids) if (pid !== undefined && pid !== null && isAlive(pid)) signalPid(pid, signal);
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
