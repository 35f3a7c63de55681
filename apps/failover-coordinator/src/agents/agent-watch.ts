// What the coordinator knows: the latest view of every agent it can reach. Polls each agent's
// GetFailoverView (at most one call in flight per agent, each with a deadline), converts it to the model's
// AgentView, and learns the bus address of every node the agents know, so a coordinator given one seed
// watches the whole cluster. Views older than the freshness limit are not used (a dead agent's last word
// must not make its node look alive or eligible). Nothing here decides anything.
import { DEFAULT_CLUSTER_OPTIONS, inHandshake, type AgentView } from '@tessera/cluster-model';
import { agentViewFromProto } from '@tessera/cluster-wire';
import type { Logger } from '@tessera/telemetry';
import { agentAddress, type AgentCalls } from './agent-clients.js';

/** One agent's view as last fetched. */
export interface WatchedView {
  readonly address: string;
  readonly view: AgentView;
  /** When it was fetched (ms). */
  readonly fetchedAt: number;
}

export interface AgentWatchOptions {
  readonly calls: AgentCalls;
  readonly now: () => number;
  /** Deadline of one GetFailoverView call, ms. */
  readonly pollDeadlineMs: number;
  readonly log: Logger;
}

export class AgentWatch {
  private readonly known = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly views = new Map<string, WatchedView>();
  private readonly failing = new Set<string>();

  constructor(
    seeds: readonly string[],
    private readonly options: AgentWatchOptions,
  ) {
    for (const seed of seeds) this.known.add(seed);
  }

  /** Every agent address watched (seeds and discovered ones). */
  addresses(): string[] {
    return [...this.known].sort();
  }

  /** Reads every agent's view once (in parallel); resolves when all calls ended. */
  async poll(): Promise<void> {
    await Promise.all([...this.known].map((address) => this.pollOne(address)));
  }

  /** The views fetched within `maxAgeMs`, one per node id (the freshest). */
  fresh(maxAgeMs: number): WatchedView[] {
    const now = this.options.now();
    const byNode = new Map<string, WatchedView>();
    for (const watched of this.views.values()) {
      if (now - watched.fetchedAt > maxAgeMs) continue;
      const id = watched.view.state.myselfId;
      const other = byNode.get(id);
      if (other === undefined || other.fetchedAt < watched.fetchedAt) byNode.set(id, watched);
    }
    return [...byNode.values()];
  }

  private async pollOne(address: string): Promise<void> {
    if (this.inFlight.has(address)) return;
    this.inFlight.add(address);
    try {
      const proto = await this.options.calls.view(address, this.options.now() + this.options.pollDeadlineMs);
      const view = agentViewFromProto(proto, DEFAULT_CLUSTER_OPTIONS);
      this.views.set(address, { address, view, fetchedAt: this.options.now() });
      if (this.failing.delete(address)) this.options.log.info({ agent: address }, 'agent reachable again');
      this.learn(view);
    } catch (error) {
      if (!this.failing.has(address)) {
        this.failing.add(address);
        this.options.log.info(
          { agent: address, err: error instanceof Error ? error.message : String(error) },
          'agent not reachable',
        );
      }
    } finally {
      this.inFlight.delete(address);
    }
  }

  /** Adds the bus address of every node an agent knows (not handshake or address-less nodes). */
  private learn(view: AgentView): void {
    for (const node of view.state.nodes.values()) {
      if (node.ip === '' || node.busPort === 0 || inHandshake(node) || node.flags.includes('noaddr'))
        continue;
      const address = agentAddress(node.ip, node.busPort);
      if (!this.known.has(address)) {
        this.known.add(address);
        this.options.log.info({ agent: address, nodeId: node.id }, 'agent discovered');
      }
    }
  }
}
