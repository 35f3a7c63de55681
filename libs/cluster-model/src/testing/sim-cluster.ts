// Test support: a simulated cluster of model-driven nodes on one fake clock, standing in for the gossip-agents
// and the network. It does what an agent does with the model's effects: connects links, builds and delivers
// PING/PONG/MEET/FAIL/UPDATE messages (filling the sender's address as the peer address), answers PINGs, and
// flushes dirty flags with beforeSleep. A node can be stopped (it neither runs nor answers, like SIGSTOP) and
// resumed. Delivery is immediate and in order. It also plays the failover-coordinator: `elect` asks the
// running masters for votes for one replica and promotes it on a majority, `coordinate` runs the coordinator's
// whole policy (failedMasters, planElection, votes, takeover) over the running nodes' own views.
// Not built, not published.
import { formatFlags } from '../lib/model/node-flags.js';
import type { ClusterState } from '../lib/model/cluster-state.js';
import type { Effect } from '../lib/model/effects.js';
import type { NodeId } from '../lib/model/node-id.js';
import type { CommandOutcome } from '../lib/commands/command-outcome.js';
import { applyFailMessage } from '../lib/transitions/apply-fail.js';
import { applyPingMessage } from '../lib/transitions/apply-ping.js';
import { applyUpdateMessage } from '../lib/transitions/apply-update.js';
import { beforeSleep } from '../lib/transitions/before-sleep.js';
import { buildFailMessage, buildPingMessage, buildUpdateMessage } from '../lib/transitions/build-messages.js';
import { createClusterState } from '../lib/transitions/create-cluster-state.js';
import { connectFailed, linkConnected } from '../lib/transitions/link-events.js';
import { setMyReplicationOffset } from '../lib/transitions/local-config.js';
import type { MessageLink, PingMessage } from '../lib/transitions/messages.js';
import { tick } from '../lib/transitions/tick.js';
import { isMaster } from '../lib/model/cluster-node.js';
import {
  failedMasters,
  planElection,
  tallyElection,
  type AgentView,
  type Ballot,
} from '../lib/failover/election-plan.js';
import { promoteMyself, takeOverMaster } from '../lib/failover/promote.js';
import { grantFailoverVote } from '../lib/failover/vote.js';
import type { ClusterOptions } from '../lib/model/cluster-options.js';
import { FakeClock, SeededRandom } from './fake-env.js';

export const SIM_IP = '127.0.0.1';
const DIRTY_FLAGS: ReadonlySet<string> = new Set(['save-config', 'update-state', 'broadcast-pong']);

export interface SimNode {
  readonly name: string;
  readonly port: number;
  state: ClusterState;
  stopped: boolean;
  /** Every effect this node's transitions produced, in order (for assertions). */
  readonly effects: Effect[];
}

type Delivery =
  | {
      kind: 'ping';
      from: SimNode;
      to: SimNode;
      message: PingMessage;
      viaNodeId: NodeId;
      expectReply: boolean;
    }
  | { kind: 'fail'; from: SimNode; to: SimNode; failing: NodeId }
  | { kind: 'update'; from: SimNode; to: SimNode; aboutId: NodeId };

export class SimCluster {
  readonly clock = new FakeClock();
  readonly random = new SeededRandom(42);
  readonly env = { clock: this.clock, random: this.random };
  readonly nodes = new Map<string, SimNode>();
  private readonly queue: Delivery[] = [];
  private steps = 0;

  constructor(private readonly options: Partial<ClusterOptions> = {}) {}

  add(name: string, port: number): SimNode {
    const state = createClusterState(
      { port, busPort: port + 10_000, ip: SIM_IP, options: this.options },
      this.env,
    );
    const node: SimNode = { name, port, state, stopped: false, effects: [] };
    this.nodes.set(name, node);
    return node;
  }

  node(name: string): SimNode {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no sim node ${name}`);
    return node;
  }

  id(name: string): NodeId {
    return this.node(name).state.myselfId;
  }

  /** Runs a CLUSTER subcommand transition on a node; throws if Redis would refuse it. */
  command(name: string, run: (state: ClusterState) => CommandOutcome): void {
    const node = this.node(name);
    const outcome = run(node.state);
    if (!outcome.ok) throw outcome.error;
    this.absorb(node, outcome.state, outcome.effects);
  }

  /** The replication offset `name`'s data-node reports (advertised in its PINGs). */
  setOffset(name: string, offset: bigint): void {
    const node = this.node(name);
    const result = setMyReplicationOffset(node.state, offset, this.env);
    this.absorb(node, result.state, result.effects);
  }

  /** Advances time in 100 ms steps, as clusterCron runs, ticking every running node. */
  run(ms: number): void {
    for (let elapsed = 0; elapsed < ms; elapsed += 100) {
      this.clock.advance(100);
      this.steps++;
      for (const node of this.nodes.values()) {
        if (node.stopped) continue;
        const result = tick(node.state, this.env, { randomPing: this.steps % 10 === 0 });
        this.absorb(node, result.state, result.effects);
      }
    }
  }

  /** The sim node listening on the address a model node entry points at. */
  private byAddress(ip: string, port: number): SimNode | undefined {
    if (ip !== SIM_IP) return undefined;
    for (const node of this.nodes.values()) if (node.port === port) return node;
    return undefined;
  }

  private absorb(node: SimNode, state: ClusterState, effects: readonly Effect[]): void {
    const flushed = beforeSleep(state, effects, this.env);
    node.state = flushed.state;
    const passedThrough = effects.filter((e) => !DIRTY_FLAGS.has(e.kind)).length;
    node.effects.push(...effects, ...flushed.effects.slice(passedThrough));
    for (const effect of flushed.effects) this.perform(node, effect);
    if (flushed.broadcastPong) {
      for (const peer of node.state.nodes.values()) {
        if (peer.id === node.state.myselfId || peer.link !== 'connected') continue;
        this.sendPing(node, peer.id, 'pong', false);
      }
    }
    this.drain();
  }

  private perform(node: SimNode, effect: Effect): void {
    switch (effect.kind) {
      case 'connect': {
        const peer = node.state.nodes.get(effect.nodeId);
        const target = peer && this.byAddress(peer.ip, peer.port);
        const result =
          target && !target.stopped
            ? linkConnected(node.state, effect.nodeId, this.env)
            : connectFailed(node.state, effect.nodeId, this.env);
        this.absorb(node, result.state, result.effects);
        break;
      }
      case 'send-ping':
        this.sendPing(node, effect.nodeId, effect.meet ? 'meet' : 'ping', true);
        break;
      case 'broadcast-fail':
        for (const peer of node.state.nodes.values()) {
          const target = this.byAddress(peer.ip, peer.port);
          if (peer.id !== node.state.myselfId && peer.link === 'connected' && target) {
            this.queue.push({ kind: 'fail', from: node, to: target, failing: effect.nodeId });
          }
        }
        break;
      case 'send-update': {
        const peer = node.state.nodes.get(effect.toId);
        const target = peer && this.byAddress(peer.ip, peer.port);
        if (target) this.queue.push({ kind: 'update', from: node, to: target, aboutId: effect.aboutId });
        break;
      }
      default:
        break;
    }
  }

  private sendPing(node: SimNode, nodeId: NodeId, type: PingMessage['type'], expectReply: boolean): void {
    const peer = node.state.nodes.get(nodeId);
    const target = peer && this.byAddress(peer.ip, peer.port);
    if (!target) return;
    const message = { ...buildPingMessage(node.state, type, this.env), ip: SIM_IP };
    this.queue.push({ kind: 'ping', from: node, to: target, message, viaNodeId: nodeId, expectReply });
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const delivery = this.queue.shift() as Delivery;
      const { from, to } = delivery;
      if (to.stopped || from.stopped) continue;
      if (delivery.kind === 'ping') {
        const link: MessageLink = { direction: 'inbound', localIp: SIM_IP };
        const outcome = applyPingMessage(to.state, delivery.message, link, this.env);
        if (!outcome.ok) continue;
        this.absorb(to, outcome.state, outcome.effects);
        if (delivery.expectReply && outcome.effects.some((e) => e.kind === 'reply-pong')) {
          const pong = { ...buildPingMessage(to.state, 'pong', this.env), ip: SIM_IP };
          const back = applyPingMessage(
            from.state,
            pong,
            { direction: 'outbound', nodeId: delivery.viaNodeId },
            this.env,
          );
          if (back.ok) this.absorb(from, back.state, back.effects);
        }
      } else if (delivery.kind === 'fail') {
        const outcome = applyFailMessage(to.state, buildFailMessage(from.state, delivery.failing), this.env);
        if (outcome.ok) this.absorb(to, outcome.state, outcome.effects);
      } else {
        const outcome = applyUpdateMessage(
          to.state,
          buildUpdateMessage(from.state, delivery.aboutId),
          this.env,
        );
        if (outcome.ok) this.absorb(to, outcome.state, outcome.effects);
      }
    }
  }

  /**
   * Plays a coordinator for `candidate`: every running master serving slots (in the candidate's view) is asked
   * for its vote in `epoch` (default: the largest currentEpoch of the running nodes + 1); on a majority the
   * candidate is promoted with that configEpoch.
   */
  elect(
    candidate: string,
    options: { epoch?: bigint; forceAck?: boolean; voters?: readonly string[] } = {},
  ): { won: boolean; epoch: bigint; granted: string[]; denied: string[] } {
    const replica = this.node(candidate);
    const view = replica.state;
    const me = view.nodes.get(view.myselfId);
    const master = me?.masterId ? view.nodes.get(me.masterId) : undefined;
    if (!master) throw new Error(`${candidate} replicates no known master`);
    let epoch = options.epoch ?? 0n;
    if (options.epoch === undefined) {
      for (const node of this.nodes.values()) {
        if (!node.stopped && node.state.currentEpoch > epoch) epoch = node.state.currentEpoch;
      }
      epoch += 1n;
    }
    let size = 0;
    for (const node of view.nodes.values()) if (isMaster(node) && node.slotCount > 0) size++;
    const granted: string[] = [];
    const denied: string[] = [];
    for (const voter of this.nodes.values()) {
      if (voter.stopped || voter === replica) continue;
      if (options.voters && !options.voters.includes(voter.name)) continue;
      const entry = view.nodes.get(voter.state.myselfId);
      if (!entry || !isMaster(entry) || entry.slotCount === 0) continue;
      const outcome = grantFailoverVote(
        voter.state,
        {
          candidateId: view.myselfId,
          epoch,
          claimConfigEpoch: master.configEpoch,
          claimedSlots: master.slots,
          forceAck: options.forceAck ?? false,
        },
        this.env,
      );
      this.absorb(voter, outcome.state, outcome.effects);
      (outcome.granted ? granted : denied).push(voter.name);
    }
    const won = granted.length >= Math.floor(size / 2) + 1;
    if (won) this.promote(candidate, epoch);
    return { won, epoch, granted, denied };
  }

  /** TakeOver: `name` replaces its master with `configEpoch`; false when it refused. */
  promote(name: string, configEpoch: bigint): boolean {
    const node = this.node(name);
    const outcome = promoteMyself(node.state, { configEpoch, reason: 'election' }, this.env);
    if (!outcome.promoted) return false;
    this.absorb(node, outcome.state, outcome.effects);
    return true;
  }

  /** CLUSTER FAILOVER TAKEOVER on `name`. */
  takeover(name: string): boolean {
    const node = this.node(name);
    const outcome = takeOverMaster(node.state, this.env);
    if (!outcome.promoted) return false;
    this.absorb(node, outcome.state, outcome.effects);
    return true;
  }

  /**
   * One pass of a coordinator over the running nodes (their own views, data-nodes alive, replica links up):
   * for every failed master, plan an election (the delay is skipped), collect the votes, take over on a
   * majority. Returns what happened per failed master.
   */
  coordinate(): { failedMasterId: NodeId; candidate: string | null; won: boolean; ballots: Ballot[] }[] {
    const views = (): AgentView[] =>
      [...this.nodes.values()]
        .filter((node) => !node.stopped)
        .map((node) => ({
          state: node.state,
          link: { masterLinkUp: true, masterLinkDownSinceMs: 0 },
          dataNodeAlive: true,
        }));
    const results: { failedMasterId: NodeId; candidate: string | null; won: boolean; ballots: Ballot[] }[] =
      [];
    for (const failedMasterId of failedMasters(views())) {
      const plan = planElection(views(), failedMasterId, this.clock.now(), this.random);
      if (plan.kind !== 'elect') {
        results.push({ failedMasterId, candidate: null, won: false, ballots: [] });
        continue;
      }
      const candidate = [...this.nodes.values()].find((node) => node.state.myselfId === plan.candidateId);
      const ballots: Ballot[] = [];
      for (const voter of plan.voters) {
        const node = [...this.nodes.values()].find((n) => n.state.myselfId === voter.id);
        if (!node || node.stopped) {
          ballots.push({ voterId: voter.id, granted: false, reason: 'unreachable' });
          continue;
        }
        const outcome = grantFailoverVote(
          node.state,
          {
            candidateId: plan.candidateId,
            epoch: plan.epoch,
            claimConfigEpoch: plan.claim.configEpoch,
            claimedSlots: plan.claim.slots,
            forceAck: false,
            failedMasterId,
          },
          this.env,
        );
        this.absorb(node, outcome.state, outcome.effects);
        ballots.push(
          outcome.granted
            ? { voterId: voter.id, granted: true }
            : { voterId: voter.id, granted: false, reason: outcome.denial },
        );
      }
      const tally = tallyElection(plan, ballots);
      if (tally.won && candidate) this.promote(candidate.name, plan.epoch);
      results.push({ failedMasterId, candidate: candidate?.name ?? null, won: tally.won, ballots });
    }
    return results;
  }

  /** What `name` knows: each other node by its sim name (or id when unknown) -> its flags as CLUSTER NODES prints. */
  view(name: string): Record<string, string> {
    const state = this.node(name).state;
    const view: Record<string, string> = {};
    for (const node of state.nodes.values()) {
      if (node.id === state.myselfId) continue;
      const sim = this.byAddress(node.ip, node.port);
      view[sim && sim.state.myselfId === node.id ? sim.name : node.id] = formatFlags(node.flags);
    }
    return view;
  }
}
