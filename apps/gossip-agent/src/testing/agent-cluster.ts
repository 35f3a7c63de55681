// Test support: a cluster of gossip-agent processes with stand-in data-nodes, formed by forwarded CLUSTER
// MEET/ADDSLOTSRANGE/REPLICATE, and what each agent believes about roles, slots, epochs and flags (read from
// the snapshot its data-node last received). Not built.
import { NodeFlag, type TopologyNode, type TopologySnapshot } from '@tessera/proto';
import { AgentProcess, type AgentProcessOptions } from './agent-process.js';
import { waitUntil } from './wait-until.js';

export interface ClusterShape {
  /** Number of masters (slots split evenly). */
  readonly masters: number;
  /** For each replica, the index of the master it replicates. */
  readonly replicaOf: readonly number[];
  readonly nodeTimeout?: number;
  /** Extra directives per node index. */
  readonly args?: Readonly<Record<number, readonly string[]>>;
}

export class AgentCluster {
  /** Node ids by index, read once formed (a killed node keeps its id). */
  private ids: string[] = [];

  private constructor(
    readonly nodes: AgentProcess[],
    readonly shape: ClusterShape,
  ) {}

  static async start(shape: ClusterShape): Promise<AgentCluster> {
    const count = shape.masters + shape.replicaOf.length;
    const nodes = await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const options: AgentProcessOptions = {
          nodeTimeout: shape.nodeTimeout ?? 1000,
          ...(shape.args?.[i] ? { args: shape.args[i] } : {}),
        };
        return AgentProcess.start(options);
      }),
    );
    const cluster = new AgentCluster(nodes, shape);
    try {
      await cluster.form();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  node(i: number): AgentProcess {
    const node = this.nodes[i];
    if (node === undefined) throw new Error(`no node ${i}`);
    return node;
  }

  /** Bus addresses of every agent (coordinator seeds). */
  get busAddresses(): string[] {
    return this.nodes.map((node) => `127.0.0.1:${node.busPort}`);
  }

  /** Node id of node `i`. */
  id(i: number): string {
    return this.ids[i] ?? snapshotOf(this.node(i)).myselfId?.value ?? '';
  }

  /** How node `observer` sees node `subject` (undefined while the observer has no snapshot). */
  entry(observer: number, subject: number): TopologyNode | undefined {
    const id = this.id(subject);
    return this.node(observer).dataNode?.snapshot?.nodes.find((node) => node.id?.value === id);
  }

  /** True when `observer` sees `subject` as a master serving slots. */
  isMasterWithSlots(observer: number, subject: number): boolean {
    const entry = this.entry(observer, subject);
    return entry !== undefined && entry.flags.includes(NodeFlag.NODE_FLAG_MASTER) && slotCount(entry) > 0;
  }

  /** The master id `observer` sees `subject` replicating, or null. */
  masterOf(observer: number, subject: number): string | null {
    return this.entry(observer, subject)?.masterId?.value ?? null;
  }

  /** Indices of the running nodes. */
  get running(): number[] {
    return this.nodes.flatMap((node, i) => (node.process !== null && node.dataNode !== null ? [i] : []));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }

  private async form(): Promise<void> {
    const [first, ...others] = this.nodes as [AgentProcess, ...AgentProcess[]];
    await waitUntil('every agent sent a first snapshot', () =>
      this.nodes.every((n) => n.data.snapshot !== null),
    );
    this.ids = this.nodes.map((n) => snapshotOf(n).myselfId?.value ?? '');
    for (const other of others) {
      const reply = await first.data.command('MEET', '127.0.0.1', String(other.port), String(other.busPort));
      if (reply !== 'OK') throw new Error(`MEET: ${reply}`);
    }
    const per = Math.ceil(16384 / this.shape.masters);
    for (let i = 0; i < this.shape.masters; i++) {
      const end = Math.min(16383, (i + 1) * per - 1);
      const reply = await this.node(i).data.command('ADDSLOTSRANGE', String(i * per), String(end));
      if (reply !== 'OK') throw new Error(`ADDSLOTSRANGE: ${reply}`);
    }
    await waitUntil('every agent knows every node', () =>
      this.nodes.every(
        (n) =>
          n.data.snapshot?.nodes.filter((e) => !e.flags.includes(NodeFlag.NODE_FLAG_HANDSHAKE)).length ===
          this.nodes.length,
      ),
    );
    for (const [r, masterIndex] of this.shape.replicaOf.entries()) {
      const replica = this.node(this.shape.masters + r);
      const reply = await replica.data.command('REPLICATE', this.id(masterIndex));
      if (reply !== 'OK') throw new Error(`REPLICATE: ${reply}`);
    }
    await this.waitConverged();
  }

  /** Waits until every running agent reports cluster_state ok and the same roles, masters, slots and epochs. */
  async waitConverged(timeoutMs = 20_000): Promise<void> {
    await waitUntil(
      'the running agents agree, cluster_state ok',
      () => {
        if (this.running.some((i) => this.node(i).data.snapshot === null)) return false;
        const views = this.running.map((i) => viewOf(this.node(i)));
        return (
          this.running.every((i) => snapshotOf(this.node(i)).state === 1) &&
          views.every((v) => v === views[0])
        );
      },
      timeoutMs,
    );
  }
}

export function snapshotOf(agent: AgentProcess): TopologySnapshot {
  const snapshot = agent.data.snapshot;
  if (snapshot === null) throw new Error(`agent ${agent.port} sent no snapshot yet`);
  return snapshot;
}

function slotCount(node: TopologyNode): number {
  const encoding = node.slots?.encoding;
  if (encoding?.$case !== 'ranges') return encoding?.$case === 'bitmap' ? 1 : 0;
  return encoding.value.ranges.reduce((sum, r) => sum + r.end - r.start + 1, 0);
}

/** Roles, masters, slots and epochs as one agent sees them (not liveness), sorted by id. */
function viewOf(agent: AgentProcess): string {
  return JSON.stringify(
    snapshotOf(agent)
      .nodes.map((node) => ({
        id: node.id?.value,
        role: node.flags.filter((f) => f === NodeFlag.NODE_FLAG_MASTER || f === NodeFlag.NODE_FLAG_REPLICA),
        fail: node.flags.includes(NodeFlag.NODE_FLAG_FAIL),
        master: node.masterId?.value ?? null,
        // A replica's own configEpoch differs between views (others copy its master's from its headers).
        epoch: node.flags.includes(NodeFlag.NODE_FLAG_MASTER) ? String(node.configEpoch) : '',
        slots: slotCount(node),
      }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
  );
}
