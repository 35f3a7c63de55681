// Starts a real Redis Cluster for integration tests: `masters * (1 + replicas)` redis-server processes
// (`--cluster-enabled yes`, persistence off, each with its own nodes.conf in a temp dir) on free loopback
// ports, formed with `redis-cli --cluster create ... --cluster-yes` (the tool operators use), then waits
// until every node reports cluster_state:ok and serves a full CLUSTER SLOTS with every replica listed.
// Nodes can be killed and restarted on the same port (they rejoin from their nodes.conf). Disposable:
// `await using cluster = await startRedisCluster()` stops every process and removes the dirs, also when
// starting failed half-way.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { RespValue } from '@tessera/resp';
import { callPort } from './call-port.js';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { requireProgram } from './require-program.js';

const HOST = '127.0.0.1';
const SLOT_COUNT = 16384;
const READY_TIMEOUT_MS = 90_000;

export interface RedisClusterOptions {
  /** Masters (redis-cli needs at least 3). @default 3 */
  masters?: number;
  /** Replicas per master. @default 0 */
  replicas?: number;
  /** `cluster-node-timeout` in ms: how fast a dead node is marked FAIL. @default 2000 */
  nodeTimeoutMs?: number;
  /** Extra `--name value` directives for every node. */
  args?: readonly string[];
  /** Longest wait for the cluster to form. @default 90000 (replica syncs fork; a loaded 2-core machine is slow) */
  readyTimeoutMs?: number;
}

export interface RedisClusterNode {
  readonly port: number;
  /** The current process (a new one after restart()). */
  readonly process: ManagedProcess;
  /** Sends `signal` (SIGKILL by default: no goodbye to the cluster) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again on its port with its nodes.conf, after kill() or stop(). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningRedisCluster extends AsyncDisposable {
  /** Masters first (in slot order, as redis-cli assigned them), then replicas. */
  readonly nodes: readonly RedisClusterNode[];
  /** `127.0.0.1:<port>` of every node: seeds for a client. */
  readonly seeds: readonly string[];
  /** Sends one command to the node on `port` over a fresh connection; error replies reject as RespError. */
  call(port: number, ...args: (string | Buffer)[]): Promise<RespValue>;
  /** Waits until CLUSTER INFO on every running node says `cluster_state:<state>`. */
  waitForState(state: 'ok' | 'fail', timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RunningRedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicas ?? 0;
  if (!Number.isInteger(masters) || masters < 3) throw new Error('startRedisCluster: masters must be >= 3');
  if (!Number.isInteger(replicas) || replicas < 0)
    throw new Error('startRedisCluster: replicas must be >= 0');
  const server = requireProgram('redis-server');
  const cli = requireProgram('redis-cli');
  const nodes: ClusterNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    for (const node of nodes) rmSync(node.dir, { recursive: true, force: true });
  };
  try {
    const count = masters * (1 + replicas);
    for (let i = 0; i < count; i++) nodes.push(new ClusterNode(server, await freePort(), options));
    await Promise.all(nodes.map((node) => node.restart()));
    const endpoints = nodes.map((node) => `${HOST}:${node.port}`);
    await promisify(execFile)(
      cli,
      ['--cluster', 'create', ...endpoints, '--cluster-replicas', String(replicas), '--cluster-yes'],
      { timeout: options.readyTimeoutMs ?? READY_TIMEOUT_MS },
    );
    await waitFor(
      options.readyTimeoutMs ?? READY_TIMEOUT_MS,
      'a full CLUSTER SLOTS with every node on every node',
      () => everyNode(nodes, async (port) => fullySlotted(await call(port, 'CLUSTER', 'SLOTS'), count)),
    );
    await waitForState(nodes, 'ok', options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    seeds: nodes.map((node) => `${HOST}:${node.port}`),
    call,
    waitForState: (state, timeoutMs = 30_000) => waitForState(nodes, state, timeoutMs),
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

class ClusterNode implements RedisClusterNode {
  readonly dir = mkdtempSync(join(tmpdir(), 'tessera-redis-cluster-'));
  #process: ManagedProcess | null = null;

  constructor(
    private readonly program: string,
    readonly port: number,
    private readonly options: RedisClusterOptions,
  ) {}

  get process(): ManagedProcess {
    if (this.#process === null) throw new Error(`redis-server on port ${this.port} was never started`);
    return this.#process;
  }

  get running(): boolean {
    const child = this.#process?.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  async restart(): Promise<void> {
    if (this.running) throw new Error(`redis-server on port ${this.port} is still running`);
    this.#process = await ManagedProcess.start({
      command: this.program,
      // prettier-ignore
      args: [
        '--port', String(this.port), '--bind', HOST, '--dir', this.dir,
        '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf',
        '--cluster-node-timeout', String(this.options.nodeTimeoutMs ?? 2000),
        '--save', '', '--appendonly', 'no',
        // Replicas sync at once instead of waiting 5 s for more replicas to share a diskless transfer.
        '--repl-diskless-sync-delay', '0',
        // CLUSTER SLOTS lists a replica once its offset is non-zero: the master's PINGs move it (default 10 s).
        '--repl-ping-replica-period', '1',
        ...(this.options.args ?? []),
      ],
      readyPort: this.port,
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    const exited = once(this.process.child, 'exit');
    this.process.signal(signal);
    await exited;
  }

  async stop(): Promise<void> {
    await this.#process?.stop();
  }
}

/** One command over a fresh connection. */
function call(port: number, ...args: (string | Buffer)[]): Promise<RespValue> {
  return callPort(port, args);
}

/** True when the CLUSTER SLOTS reply covers all 16384 slots and lists `nodes` distinct nodes. */
function fullySlotted(reply: RespValue, nodes: number): boolean {
  if (!Array.isArray(reply)) return false;
  let covered = 0;
  const seen = new Set<string>();
  for (const entry of reply) {
    if (!Array.isArray(entry)) return false;
    covered += Number(entry[1]) - Number(entry[0]) + 1;
    for (const node of entry.slice(2)) if (Array.isArray(node)) seen.add(String(node[1]));
  }
  return covered === SLOT_COUNT && seen.size === nodes;
}

async function waitForState(nodes: readonly ClusterNode[], state: 'ok' | 'fail', timeoutMs: number) {
  await waitFor(timeoutMs, `cluster_state:${state} on every running node`, () =>
    everyNode(nodes, async (port) =>
      String(await call(port, 'CLUSTER', 'INFO')).includes(`cluster_state:${state}\r\n`),
    ),
  );
}

/** True when `check` holds on every running node (errors count as false). */
async function everyNode(
  nodes: readonly ClusterNode[],
  check: (port: number) => Promise<boolean>,
): Promise<boolean> {
  const results = await Promise.all(
    nodes.filter((node) => node.running).map((node) => check(node.port).catch(() => false)),
  );
  return results.every(Boolean);
}

async function waitFor(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`redis cluster: no ${what} after ${timeoutMs} ms`);
    await sleep(100);
  }
}
