// Starts a real tessera cluster for end-to-end tests: N nodes (each a data-node process that spawns its
// gossip-agent) on free port pairs, every node in its own folder under one temp dir (nodes.conf, node.log),
// optionally formed with `redis-cli --cluster create` (the operators' tool, itself under test) or with plain
// CLUSTER MEET/ADDSLOTSRANGE/REPLICATE; then waits until every member reports cluster_state:ok and prints the
// same nodes, roles, epochs and slots in CLUSTER NODES. Fault injection per node: kill (SIGKILL both
// processes), stop/cont (SIGSTOP/SIGCONT both), restart (same ports and nodes.conf), and with `busFaults`
// cutBus/healBus. Disposable: `await using cluster = await startTesseraCluster()` kills every process and
// removes the temp dir, also when a test or the start itself fails. Needs the built apps
// (`nx build data-node gossip-agent`; the cluster-e2e test target depends on both builds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { RespValue } from '@tessera/resp';
import { BusFirewall } from './bus-firewall.js';
import { callPort } from './call-port.js';
import { agreementProblem, parseClusterNodes, type ClusterNodesLine } from './cluster-nodes.js';
import { createWithRedisCli, meetAndAssignSlots, replicateMasters } from './cluster-formation.js';
import { freePortPair } from './port-pair.js';
import { DATA_NODE_MAIN } from './start-data-node.js';
import { TesseraNode } from './tessera-node.js';
import { waitFor } from './wait-for.js';

const HOST = '127.0.0.1';

/** The cluster secret tests use unless they say otherwise. */
export const TEST_CLUSTER_SECRET = 'tessera cluster e2e test secret 0123456789';

export interface TesseraClusterOptions {
  /** Nodes to start. @default masters × (1 + replicasPerMaster) when `masters` is set, else 3 */
  nodes?: number;
  /**
   * Form a cluster of the first `masters × (1 + replicasPerMaster)` nodes with this many masters (redis-cli
   * needs at least 3). Unset: the nodes start empty, each knowing only itself. @default undefined
   */
  masters?: number;
  /** Replicas of every master. @default 0 */
  replicasPerMaster?: number;
  /** `redis-cli --cluster create`, or CLUSTER MEET + ADDSLOTSRANGE + REPLICATE. @default 'redis-cli' */
  formWith?: 'redis-cli' | 'meet';
  /** With `formWith: 'meet'`: who meets whom (see `formWithMeet`). @default 'star' */
  meetTopology?: 'chain' | 'star';
  /** `cluster-node-timeout` of every node. @default 1000 */
  nodeTimeoutMs?: number;
  /** `cluster-bus-secret` of every node. @default TEST_CLUSTER_SECRET */
  secret?: string;
  /** Extra `--directive value` pairs for every node. */
  args?: readonly string[];
  /** Keep the temp dir (nodes.conf, node.log) after close(); also with env TESSERA_KEEP_CLUSTER_DIR=1. @default false */
  keepDir?: boolean;
  /** Longest wait for a node to start, and for the cluster to form. @default 60000 */
  readyTimeoutMs?: number;
  /** LOG_LEVEL of every process (node.log). @default 'info' */
  logLevel?: string;
  /**
   * Run each node in its own cgroup so cutBus/healBus can isolate it with iptables. Needs root, iptables and
   * cgroup2: the start fails saying what is missing. @default false
   */
  busFaults?: boolean;
  /**
   * The built data-node to run (its agent is `../gossip-agent/main.js` next to it).
   * @default env TESSERA_DATA_NODE_MAIN, else dist/apps/data-node/main.js
   */
  dataNodeMain?: string;
}

export interface AddNodeOptions {
  /** This node's `cluster-bus-secret`. @default the cluster's */
  secret?: string;
  /** Extra directives for this node (after the cluster's). */
  args?: readonly string[];
}

export interface FormOptions {
  masters: number;
  /** @default 0 */
  replicasPerMaster?: number;
  /** Which nodes, in order (masters first for 'meet'). @default the first masters × (1 + replicasPerMaster) */
  indices?: readonly number[];
}

export interface TesseraCluster extends AsyncDisposable {
  /** The temp dir holding one folder per node (`<dir>/<port>/`). */
  readonly dir: string;
  /** Every node started, in order (addNode appends). */
  readonly nodes: readonly TesseraNode[];
  readonly secret: string;
  readonly nodeTimeoutMs: number;
  /** `127.0.0.1:<port>` of every node (redis-cli arguments). */
  readonly addresses: readonly string[];
  /** `{ host, port }` of every node (ioredis `Cluster` startup nodes). */
  readonly seeds: readonly { host: string; port: number }[];
  /** What `redis-cli --cluster create` printed, when it formed this cluster. */
  readonly createOutput: string;
  node(i: number): TesseraNode;
  /** One command to node `i` over a fresh connection; error replies reject as RespError. */
  call(i: number, ...args: (string | Buffer)[]): Promise<RespValue>;
  /** An ioredis connection to node `i` alone (no cluster mode), disconnected by close(). */
  client(i: number): Redis;
  clusterNodes(i: number): Promise<ClusterNodesLine[]>;
  /** CLUSTER INFO of node `i` as fields. */
  clusterInfo(i: number): Promise<Record<string, string>>;
  /** Waits until each of `indices` (default: every responsive node) reports `cluster_state:<state>`; ms waited. */
  waitForState(state: 'ok' | 'fail', indices?: readonly number[], timeoutMs?: number): Promise<number>;
  /**
   * Waits until each of `indices` (default: every responsive node) lists exactly those nodes, none failing,
   * and all print the same ids, addresses, roles, masters, epochs and slots; ms waited.
   */
  waitForAgreement(indices?: readonly number[], timeoutMs?: number): Promise<number>;
  /** Starts one more empty node (same timeout, secret and directives unless overridden); returns its index. */
  addNode(options?: AddNodeOptions): Promise<number>;
  /** `redis-cli --cluster create` of the given nodes, then waits for agreement and ok; its output. */
  formWithRedisCli(options: FormOptions): Promise<string>;
  /**
   * Forms without redis-cli: ADDSLOTSRANGE on the masters (redis-cli's split), MEET (`chain`: node i meets
   * node i+1 only; `star`: all meet the first), REPLICATE once all know each other; then waits for agreement
   * and ok.
   */
  formWithMeet(options: FormOptions & { topology?: 'chain' | 'star' }): Promise<void>;
  /** SIGKILL the data-node and its agent of node `i`, and wait until both are gone. */
  kill(i: number): Promise<void>;
  /** SIGSTOP both processes of node `i`. */
  stop(i: number): Promise<void>;
  /** SIGCONT both processes of node `i`. */
  cont(i: number): Promise<void>;
  /** Starts killed node `i` again on its ports with its nodes.conf. */
  restart(i: number): Promise<void>;
  /** Isolates node `i`'s bus (see BusFirewall); needs `busFaults: true`. */
  cutBus(i: number): void;
  healBus(i: number): void;
  /** Kills every process, heals cuts, closes clients, removes the temp dir unless kept. Idempotent. */
  close(): Promise<void>;
}

export async function startTesseraCluster(options: TesseraClusterOptions = {}): Promise<TesseraCluster> {
  const replicasPerMaster = options.replicasPerMaster ?? 0;
  const formed = options.masters === undefined ? 0 : options.masters * (1 + replicasPerMaster);
  const count = options.nodes ?? (options.masters === undefined ? 3 : formed);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`startTesseraCluster: nodes must be >= 1, got ${count}`);
  if (count < formed) {
    throw new Error(
      `startTesseraCluster: ${formed} nodes are needed for ${options.masters} masters × ${1 + replicasPerMaster}`,
    );
  }
  let firewall: BusFirewall | null = null;
  if (options.busFaults) {
    const opened = BusFirewall.open();
    if (opened instanceof Error) throw opened;
    firewall = opened;
  }
  const cluster = new Cluster(options, firewall);
  try {
    for (let i = 0; i < count; i++) await cluster.prepareNode();
    await Promise.all(cluster.nodes.map((node) => node.start()));
    if (options.masters !== undefined) {
      const form = { masters: options.masters, replicasPerMaster };
      if ((options.formWith ?? 'redis-cli') === 'redis-cli') await cluster.formWithRedisCli(form);
      else await cluster.formWithMeet({ ...form, topology: options.meetTopology ?? 'star' });
    }
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}

class Cluster implements TesseraCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'tessera-cluster-'));
  readonly nodes: TesseraNode[] = [];
  readonly secret: string;
  readonly nodeTimeoutMs: number;
  createOutput = '';
  readonly #clients: Redis[] = [];
  readonly #cgroups = new Map<TesseraNode, string>();
  readonly #readyTimeoutMs: number;
  #closed = false;

  constructor(
    private readonly options: TesseraClusterOptions,
    private readonly firewall: BusFirewall | null,
  ) {
    this.secret = options.secret ?? TEST_CLUSTER_SECRET;
    this.nodeTimeoutMs = options.nodeTimeoutMs ?? 1000;
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  }

  get addresses(): string[] {
    return this.nodes.map((node) => `${HOST}:${node.port}`);
  }

  get seeds(): { host: string; port: number }[] {
    return this.nodes.map((node) => ({ host: HOST, port: node.port }));
  }

  /** Picks a port pair and builds (not starts) one more node; start() is the caller's. */
  async prepareNode(extra: AddNodeOptions = {}): Promise<TesseraNode> {
    const port = await freePortPair(HOST);
    const cgroup = this.firewall?.cgroupFor(port);
    const firewall = this.firewall;
    const node = new TesseraNode({
      port,
      dir: join(this.dir, String(port)),
      nodeTimeoutMs: this.nodeTimeoutMs,
      secret: extra.secret ?? this.secret,
      args: [...(this.options.args ?? []), ...(extra.args ?? [])],
      logLevel: this.options.logLevel ?? 'info',
      readyTimeoutMs: this.#readyTimeoutMs,
      main: this.options.dataNodeMain ?? process.env['TESSERA_DATA_NODE_MAIN'] ?? DATA_NODE_MAIN,
      ...(firewall && cgroup !== undefined
        ? {
            wrap: (command: string, args: readonly string[]) => firewall.cgroupWrapper(cgroup, command, args),
          }
        : {}),
    });
    if (cgroup !== undefined) this.#cgroups.set(node, cgroup);
    this.nodes.push(node);
    return node;
  }

  node(i: number): TesseraNode {
    const node = this.nodes[i];
    if (node === undefined) throw new RangeError(`no node ${i}: the cluster has ${this.nodes.length}`);
    return node;
  }

  call(i: number, ...args: (string | Buffer)[]): Promise<RespValue> {
    return callPort(this.node(i).port, args);
  }

  client(i: number): Redis {
    const client = new Redis({ host: HOST, port: this.node(i).port, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined); // surfaced by the commands that fail
    this.#clients.push(client);
    return client;
  }

  async clusterNodes(i: number): Promise<ClusterNodesLine[]> {
    return parseClusterNodes(String(await this.call(i, 'CLUSTER', 'NODES')));
  }

  async clusterInfo(i: number): Promise<Record<string, string>> {
    const text = String(await this.call(i, 'CLUSTER', 'INFO'));
    const fields: Record<string, string> = {};
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1);
    }
    return fields;
  }

  #members(indices?: readonly number[]): number[] {
    return indices === undefined
      ? this.nodes.flatMap((node, i) => (node.responsive ? [i] : []))
      : [...indices];
  }

  waitForState(state: 'ok' | 'fail', indices?: readonly number[], timeoutMs?: number): Promise<number> {
    const members = this.#members(indices);
    return waitFor(
      `cluster_state:${state} on nodes ${members.map((i) => this.node(i).port).join(', ')}`,
      async () => {
        const states = await Promise.all(
          members.map(
            async (i) => [this.node(i).port, (await this.clusterInfo(i))['cluster_state']] as const,
          ),
        );
        const wrong = states.filter(([, actual]) => actual !== state);
        return wrong.length === 0 ? true : wrong.map(([port, actual]) => `${port}: ${actual}`).join(', ');
      },
      { timeoutMs: timeoutMs ?? this.#readyTimeoutMs },
    );
  }

  waitForAgreement(indices?: readonly number[], timeoutMs?: number): Promise<number> {
    const members = this.#members(indices);
    const ports = members.map((i) => this.node(i).port);
    return waitFor(
      `nodes ${ports.join(', ')} to agree on CLUSTER NODES`,
      async () => {
        const views = await Promise.all(
          members.map(async (i) => ({ port: this.node(i).port, lines: await this.clusterNodes(i) })),
        );
        return agreementProblem(views, ports);
      },
      { timeoutMs: timeoutMs ?? this.#readyTimeoutMs },
    );
  }

  async addNode(options: AddNodeOptions = {}): Promise<number> {
    const node = await this.prepareNode(options);
    await node.start();
    return this.nodes.indexOf(node);
  }

  #formed(options: FormOptions): number[] {
    const total = options.masters * (1 + (options.replicasPerMaster ?? 0));
    const indices = options.indices ? [...options.indices] : Array.from({ length: total }, (_, i) => i);
    if (indices.length !== total) {
      throw new Error(
        `${options.masters} masters × ${1 + (options.replicasPerMaster ?? 0)} need ${total} nodes, got ${indices.length}`,
      );
    }
    return indices;
  }

  async formWithRedisCli(options: FormOptions): Promise<string> {
    const indices = this.#formed(options);
    this.createOutput = await createWithRedisCli(
      indices.map((i) => this.node(i)),
      { host: HOST, replicasPerMaster: options.replicasPerMaster ?? 0, timeoutMs: this.#readyTimeoutMs },
    );
    await this.waitForAgreement(indices);
    await this.waitForState('ok', indices);
    return this.createOutput;
  }

  async formWithMeet(options: FormOptions & { topology?: 'chain' | 'star' }): Promise<void> {
    const indices = this.#formed(options);
    const nodes = indices.map((i) => this.node(i));
    const call = (node: { port: number }, ...args: string[]) => callPort(node.port, args);
    await meetAndAssignSlots(nodes, call, {
      host: HOST,
      masters: options.masters,
      topology: options.topology ?? 'star',
    });
    if ((options.replicasPerMaster ?? 0) > 0) {
      await waitFor(
        'every node to know every other node',
        async () => {
          const views = await Promise.all(indices.map((i) => this.clusterNodes(i)));
          const short = views.findIndex(
            (lines) => lines.filter((l) => !l.flags.includes('handshake')).length < indices.length,
          );
          return short < 0 ? true : `${nodes[short]?.port} knows ${views[short]?.length} nodes`;
        },
        { timeoutMs: this.#readyTimeoutMs },
      );
      await replicateMasters(nodes, call, options.masters);
    }
    await this.waitForAgreement(indices);
    await this.waitForState('ok', indices);
  }

  async kill(i: number): Promise<void> {
    await this.node(i).kill();
  }

  async stop(i: number): Promise<void> {
    await this.node(i).stop();
  }

  async cont(i: number): Promise<void> {
    await this.node(i).cont();
  }

  async restart(i: number): Promise<void> {
    await this.node(i).restart();
  }

  cutBus(i: number): void {
    const node = this.node(i);
    const cgroup = this.#cgroups.get(node);
    if (this.firewall === null || cgroup === undefined) {
      throw new Error('cutBus needs a cluster started with busFaults: true');
    }
    const peers = this.nodes.filter((other) => other !== node).map((other) => other.busPort);
    this.firewall.cut(node.busPort, cgroup, peers);
  }

  healBus(i: number): void {
    this.firewall?.heal(this.node(i).busPort);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const client of this.#clients.splice(0)) client.disconnect();
    const results = await Promise.allSettled(this.nodes.map((node) => node.kill()));
    await this.firewall?.dispose();
    const keep = this.options.keepDir === true || process.env['TESSERA_KEEP_CLUSTER_DIR'] === '1';
    if (!keep) rmSync(this.dir, { recursive: true, force: true });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
