// The agent's cluster node: it owns this node's cluster-model state and turns the model's effects into I/O,
// as Redis's cluster_legacy.c does around clusterCron and clusterProcessPacket. Every change goes through
// `apply`: the transition's dirty flags are flushed with beforeSleep (cluster_state, nodes.conf written
// before anything is answered, PONG broadcast), then each effect is performed: connects, PINGs/MEETs and
// their PONGs, FAIL broadcasts, UPDATEs, key drops on the data-node, events and logs. Replies of outbound
// calls come back as transitions too (linkConnected/connectFailed/linkLost, applyPingMessage).
//
// `silent`: while the data-node is missing, the node neither sends nor answers (see DataNodeSession), so
// the cluster sees the whole node down instead of an agent that gossips for a node that serves nothing.
import {
  applyFailMessage,
  applyPingMessage,
  applyUpdateMessage,
  beforeSleep,
  buildFailMessage,
  buildPingMessage,
  buildUpdateMessage,
  connectFailed,
  grantFailoverVote,
  inHandshake,
  linkConnected,
  linkLost,
  setMyReplicationOffset,
  tick,
  type ClusterEvent,
  type ClusterNode,
  type ClusterState,
  type Effect,
  type FailMessage,
  type MessageLink,
  type MessageOutcome,
  type ModelEnv,
  type NodeId,
  type PingMessage,
  type Transition,
  type UpdateMessage,
  type VoteOutcome,
  type VoteRequest,
} from '@tessera/cluster-model';
import type { Logger } from '@tessera/telemetry';
import type { PeerLinks } from '../bus/peer-links.js';

/** clusterCron's period. */
export const TICK_MS = 100;

/** What the node asks of its data-node. */
export interface DataNodeActions {
  dropSlotKeys(slots: readonly number[]): void;
  flushData(): void;
}

export interface AgentNodeDeps {
  readonly env: ModelEnv;
  readonly links: PeerLinks;
  /** Writes nodes.conf (atomically). */
  readonly save: (state: ClusterState, fsync: boolean) => void;
  readonly dataNode: DataNodeActions;
  readonly log: Logger;
  /** Told after every transition that changed the state (snapshots, admin API). */
  readonly onChange: (state: ClusterState) => void;
  /** Told about every cluster event (logs them; later the metrics stream). */
  readonly onEvent?: (event: ClusterEvent) => void;
}

/** The result of an inbound PING/MEET: the PONG to answer with, or why the message was refused. */
export type PingReceipt =
  { readonly ok: true; readonly pong: PingMessage } | { readonly ok: false; readonly reason: string };

export class AgentNode {
  private current: ClusterState;
  private ticks = 0;
  /** Outbound connects in flight, so a tick does not start a second one. */
  private readonly connecting = new Set<NodeId>();
  silent = false;

  constructor(
    initial: ClusterState,
    private readonly deps: AgentNodeDeps,
  ) {
    this.current = initial;
  }

  get state(): ClusterState {
    return this.current;
  }

  /** One clusterCron run (every TICK_MS); every 10th also pings a random node. */
  tick(): void {
    this.ticks++;
    this.apply(tick(this.current, this.deps.env, { randomPing: this.ticks % 10 === 0 }));
  }

  /** Applies a transition: flushes its dirty flags, performs its effects, tells the listeners. */
  apply(transition: Transition): void {
    const before = this.current;
    const flushed = beforeSleep(transition.state, transition.effects, this.deps.env);
    this.current = flushed.state;
    if (flushed.saveConfig !== null) this.save(flushed.saveConfig.fsync);
    for (const effect of flushed.effects) this.perform(effect);
    if (flushed.broadcastPong) this.broadcastPong();
    if (this.current !== before) this.deps.onChange(this.current);
  }

  /** An inbound PING or MEET: applied, and answered with a PONG built from the new state. */
  receivePing(message: PingMessage, link: MessageLink): PingReceipt {
    const outcome = applyPingMessage(this.current, message, link, this.deps.env);
    if (!outcome.ok) return { ok: false, reason: outcome.error.message };
    this.apply(outcome);
    return { ok: true, pong: buildPingMessage(this.current, 'pong', this.deps.env) };
  }

  /** An inbound PONG (a config broadcast), FAIL or UPDATE; false (with the reason logged) when refused. */
  receive(
    message:
      | { kind: 'pong'; message: PingMessage }
      | { kind: 'fail'; message: FailMessage }
      | { kind: 'update'; message: UpdateMessage },
  ): MessageOutcome {
    const env = this.deps.env;
    const outcome =
      message.kind === 'pong'
        ? applyPingMessage(this.current, message.message, { direction: 'inbound' }, env)
        : message.kind === 'fail'
          ? applyFailMessage(this.current, message.message, env)
          : applyUpdateMessage(this.current, message.message, env);
    if (outcome.ok) this.apply(outcome);
    else this.deps.log.debug({ kind: message.kind, reason: outcome.error.message }, 'bus message ignored');
    return outcome;
  }

  /**
   * A vote request (a replica's FailoverAuth on the bus, or a coordinator's RequestVote). Applied before the
   * caller answers: a granted vote's lastVoteEpoch is in nodes.conf (fsync) when this returns.
   */
  vote(request: VoteRequest): VoteOutcome {
    const outcome = grantFailoverVote(this.current, request, this.deps.env);
    this.apply(outcome);
    return outcome;
  }

  /** The replication offset the data-node reports (advertised in PINGs). */
  setReplicationOffset(offset: bigint): void {
    const me = this.current.nodes.get(this.current.myselfId);
    if (me === undefined || me.replicationOffset === offset) return;
    this.apply(setMyReplicationOffset(this.current, offset, this.deps.env));
  }

  /** Writes nodes.conf now (CLUSTER SAVECONFIG, shutdown). */
  save(fsync: boolean): void {
    try {
      this.deps.save(this.current, fsync);
    } catch (error) {
      // Redis exits when it cannot save the config: a node whose config is not durable must not go on.
      this.deps.log.fatal({ err: error }, 'cannot write the cluster config file; exiting');
      process.exit(1);
    }
  }

  private perform(effect: Effect): void {
    switch (effect.kind) {
      case 'connect':
        this.connect(effect.nodeId);
        break;
      case 'free-link':
        this.deps.links.close(effect.nodeId);
        break;
      case 'send-ping':
        this.sendPing(effect.nodeId, effect.meet ? 'meet' : 'ping');
        break;
      case 'broadcast-fail':
        this.broadcast((node) => this.deps.links.fail(node, buildFailMessage(this.current, effect.nodeId)));
        break;
      case 'send-update': {
        const to = this.current.nodes.get(effect.toId);
        if (to !== undefined && !this.silent) {
          this.deps.links.update(to, buildUpdateMessage(this.current, effect.aboutId));
        }
        break;
      }
      case 'drop-slot-keys':
        this.deps.dataNode.dropSlotKeys(effect.slots);
        break;
      case 'event':
        this.deps.onEvent?.(effect.event);
        break;
      case 'log':
        this.deps.log[effect.level](effect.fields ?? {}, effect.message);
        break;
      default:
        // reply-pong is answered by receivePing; dirty flags were flushed by beforeSleep.
        break;
    }
  }

  private connect(nodeId: NodeId): void {
    const node = this.current.nodes.get(nodeId);
    if (node === undefined || this.connecting.has(nodeId) || this.silent) return;
    this.connecting.add(nodeId);
    void this.deps.links.connect(node).then((connected) => {
      this.connecting.delete(nodeId);
      if (!this.current.nodes.has(nodeId)) return; // forgotten or renamed meanwhile
      const env = this.deps.env;
      this.apply(
        connected ? linkConnected(this.current, nodeId, env) : connectFailed(this.current, nodeId, env),
      );
    });
  }

  private sendPing(nodeId: NodeId, type: 'ping' | 'meet'): void {
    const node = this.current.nodes.get(nodeId);
    if (node === undefined || this.silent) return;
    const message = buildPingMessage(this.current, type, this.deps.env);
    void this.deps.links.ping(node, message).then((result) => {
      if (!this.current.nodes.has(nodeId)) return;
      if (result.kind === 'pong') {
        const outcome = applyPingMessage(
          this.current,
          result.pong,
          { direction: 'outbound', nodeId },
          this.deps.env,
        );
        if (outcome.ok) this.apply(outcome);
        else this.deps.log.debug({ nodeId, reason: outcome.error.message }, 'PONG ignored');
      } else if (result.kind === 'unreachable') {
        // The link is gone (refused, reset): the tick reconnects. A timeout keeps the link and the pending
        // PING, so the node turns PFAIL after node-timeout as in Redis.
        this.apply(linkLost(this.current, nodeId, this.deps.env));
      }
    });
  }

  private broadcastPong(): void {
    this.broadcast((node) =>
      this.deps.links.pong(node, buildPingMessage(this.current, 'pong', this.deps.env)),
    );
  }

  /** Sends to every node with a link (not myself, not in handshake). */
  private broadcast(send: (node: ClusterNode) => void): void {
    if (this.silent) return;
    for (const node of this.current.nodes.values()) {
      if (node.id === this.current.myselfId || node.link !== 'connected' || inHandshake(node)) continue;
      send(node);
    }
  }
}
