// Test support: an AgentLink that answers later, when the test says so (the shape of the gossip-agent's link
// without gRPC), and a harness in cluster mode routed by the three-master topology with it as its agent.
// Production code never imports src/testing.
import type { AgentLink, AgentReply, ForwardFacts } from '../cluster/agent-link.js';
import { ClusterRouter } from '../cluster/cluster-router.js';
import { StaticClusterView } from '../cluster/static-cluster-view.js';
import { threeMasters } from './cluster-fixtures.js';
import { CommandHarness } from './command-harness.js';

export interface ForwardedCall {
  readonly args: readonly string[];
  readonly facts: ForwardFacts;
  resolve(reply: AgentReply): void;
  reject(error: Error): void;
}

export class DeferredAgentLink implements AgentLink {
  readonly answersAtOnce = false;
  /** Every forwarded subcommand, in order, with the means to answer it. */
  readonly calls: ForwardedCall[] = [];

  forward(args: readonly string[], facts: ForwardFacts): Promise<AgentReply> {
    return new Promise<AgentReply>((resolve, reject) => this.calls.push({ args, facts, resolve, reject }));
  }
}

/** A harness whose node is A of the three-master topology (slots 0-5460), its agent a DeferredAgentLink. */
export function deferredAgentHarness(): { h: CommandHarness; agent: DeferredAgentLink } {
  const h = new CommandHarness({ config: { 'cluster-enabled': 'yes' } });
  const agent = new DeferredAgentLink();
  h.dispatcher.router = new ClusterRouter(h.state, new StaticClusterView(threeMasters()), agent);
  return { h, agent };
}
