// The data-node's gRPC client of its gossip-agent (NodeAgentService, attach.proto): the AgentLink of a real
// cluster node. It keeps one Attach stream open (hello first, a heartbeat every 100 ms), installs every
// TopologySnapshot the agent pushes as the routing view and acknowledges it (TopologyApplied), carries out the
// agent's AdminRequests on the keyspace, delivers pub/sub messages from other nodes to local subscribers and
// sends this node's PUBLISH/SPUBLISH out, and forwards the configuration-changing CLUSTER subcommands as
// ClusterCommand calls, answering only once the topology the agent names is applied.
//
// Liveness: a stream that ends or fails is reopened with exponential backoff and jitter (100 ms doubling to
// 2 s). When nothing has come from the agent for cluster-node-timeout, the link is lost: the view turns
// cluster_state fail (keyed commands answer CLUSTERDOWN, reads per cluster-allow-reads-when-down), so a
// cut-off master takes no writes a promoted replica would never see, until a fresh snapshot arrives.
import { randomBytes } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import {
  isReplica,
  myself,
  type ClusterInfoStats,
  type ClusterOptions,
  type ClusterState,
} from '@tessera/cluster-model';
import { stateFromSnapshot } from '@tessera/cluster-wire';
import {
  AuthenticatedClient,
  NodeAgentServiceService,
  deriveBusKey,
  type AttachResponse,
  type PubSubInbound,
  type PubSubOutbound,
  type TopologySnapshot,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { PublishHook } from '../server/pubsub-hub.js';
import { runAdminRequest, type WriteControls } from './admin-request.js';
import { AGENT_REPLY_TIMEOUT_MS, type AgentLink, type AgentReply, type ForwardFacts } from './agent-link.js';
import {
  clusterInfoStats,
  heartbeatFrame,
  helloFrame,
  keyspaceFacts,
  type ReplicationReport,
} from './attach-frames.js';
import { AttachSession } from './attach-session.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import type { LocalKeyspace } from './local-agent-link.js';
import { PublishBatcher } from './publish-batcher.js';
import { agentReplyOf } from './reply-value.js';
import { TopologyWaiters, type AppliedTopology } from './topology-waiters.js';

/** The pub/sub deliveries the link makes (the data-node's PubSubHub has them). */
export interface LocalSubscribers {
  publish(channel: string, message: Buffer): number;
  spublish(channel: string, message: Buffer): number;
}

export interface AttachTiming {
  /** Heartbeat period (the agent's tick). @default 100 */
  readonly heartbeatMs: number;
  /** Reopening the stream. @default 100 ms doubling to 2 s, half of it random */
  readonly reconnect: BackoffPolicy;
  /** ClusterCommand deadline, and the wait for the topology it names. @default AGENT_REPLY_TIMEOUT_MS */
  readonly replyTimeoutMs: number;
}

export const DEFAULT_ATTACH_TIMING: AttachTiming = {
  heartbeatMs: 100,
  reconnect: { initialMs: 100, maxMs: 2_000, jitter: 0.5 },
  replyTimeoutMs: AGENT_REPLY_TIMEOUT_MS,
};

export interface AttachedAgentLinkOptions {
  /** `host:port` of the agent's bus port, where it serves NodeAgentService. */
  readonly address: string;
  /** The shared cluster secret (calls carry its proof). */
  readonly secret: string;
  /** The client port told to the agent in the hello. */
  readonly clientPort: number;
  /** When the data-node process started, ms since the Unix epoch. */
  readonly startedAtMs: number;
  /** The configuration before the first snapshot: a node that knows only itself (cluster_state fail). */
  readonly initial: ClusterState;
  readonly keyspace: LocalKeyspace;
  /** Write pause for a manual failover (AdminRequest pause_writes/resume_writes); refused without. */
  readonly writes?: WriteControls;
  readonly subscribers: LocalSubscribers;
  /** The cluster-* directives as model options (cluster-node-timeout is the liveness limit); read each time. */
  readonly clusterOptions: () => ClusterOptions;
  /** The role and replication state heartbeats report. @default the topology's role, no replication */
  readonly replication?: () => ReplicationReport;
  /** Installs a configuration as the routing view; called before the change is acknowledged or answered. */
  readonly publish: (state: ClusterState, stats: ClusterInfoStats) => void;
  readonly log: Logger;
  /** Wall clock. @default Date.now */
  readonly now?: () => number;
  readonly timing?: Partial<AttachTiming>;
}

/** Frame counters, by kind (validate, then apply, then count). */
export interface AttachCounters {
  topology: number;
  staleTopology: number;
  refusedTopology: number;
  adminRequest: number;
  delivery: number;
  empty: number;
}

export class AttachedAgentLink implements AgentLink, PublishHook {
  readonly answersAtOnce = false;
  /** Random id of this data-node process, told in every hello. */
  readonly instanceId = randomBytes(8).toString('hex');
  readonly counters: AttachCounters = {
    topology: 0,
    staleTopology: 0,
    refusedTopology: 0,
    adminRequest: 0,
    delivery: 0,
    empty: 0,
  };
  private readonly client: AuthenticatedClient<typeof NodeAgentServiceService>;
  private readonly timing: AttachTiming;
  private readonly now: () => number;
  private readonly waiters = new TopologyWaiters();
  private readonly batcher: PublishBatcher;
  private current: ClusterState;
  private stats: ClusterInfoStats = {};
  private session: AttachSession | null = null;
  /** The session whose first snapshot was logged. */
  private announced: AttachSession | null = null;
  private attempt = 0;
  private lastFrameAt = 0;
  private lost = false;
  private closed = false;
  private ticker: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: AttachedAgentLinkOptions) {
    this.timing = { ...DEFAULT_ATTACH_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    this.current = options.initial;
    this.client = new AuthenticatedClient(
      NodeAgentServiceService,
      options.address,
      credentials.createInsecure(),
      {
        keys: [deriveBusKey(options.secret)],
        channelOptions: {
          'grpc.initial_reconnect_backoff_ms': this.timing.reconnect.initialMs,
          'grpc.max_reconnect_backoff_ms': this.timing.reconnect.maxMs,
        },
      },
    );
    this.batcher = new PublishBatcher((frame) => this.sendPublish(frame));
  }

  /**
   * The configuration the data-node routes by: the last snapshot's (cluster_state fail while the agent is
   * lost), before the first snapshot the initial one.
   */
  get state(): ClusterState {
    return this.current;
  }

  /** The agent's bus counters of the last snapshot (CLUSTER INFO). */
  get busStats(): ClusterInfoStats {
    return this.stats;
  }

  /** The last snapshot applied, or null. */
  // Declared before firstSnapshot: fields initialize in order, and its executor assigns this one.
  private resolveFirstSnapshot: () => void = () => undefined;
  /** Resolves once the first snapshot is applied: from then on the node has its identity and topology. */
  readonly firstSnapshot: Promise<void> = new Promise((resolve) => {
    this.resolveFirstSnapshot = resolve;
  });

  get applied(): AppliedTopology | null {
    return this.waiters.last;
  }

  /** True while the agent has been silent for longer than cluster-node-timeout (writes refused). */
  get isLost(): boolean {
    return this.lost;
  }

  /** Opens the stream and starts the heartbeat and liveness timer. */
  start(): void {
    if (this.ticker !== null || this.closed) return;
    this.lastFrameAt = this.now();
    this.ticker = setInterval(() => this.tick(), this.timing.heartbeatMs);
    this.ticker.unref();
    this.connect();
  }

  /** Stops everything; forwarded subcommands still waiting fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ticker !== null) clearInterval(this.ticker);
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.ticker = null;
    this.reconnectTimer = null;
    this.session?.close();
    this.session = null;
    this.batcher.close();
    this.waiters.rejectAll('the data-node is shutting down');
    this.client.close();
  }

  // ------------------------------------------------------------------ AgentLink

  forward(args: readonly string[], facts: ForwardFacts): Promise<AgentReply> {
    return this.clusterCommand(args, facts);
  }

  // ------------------------------------------------------------------ PublishHook

  published(channel: Buffer, message: Buffer, sharded: boolean): void {
    this.batcher.published(channel, message, sharded);
  }

  // ------------------------------------------------------------------ the stream

  private connect(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    const stream = this.client.bidi('attach');
    const hello = helloFrame({
      clientPort: this.options.clientPort,
      pid: process.pid,
      instanceId: this.instanceId,
      startedAtMs: this.options.startedAtMs,
    });
    const session: AttachSession = new AttachSession(stream, hello, {
      frame: (frame) => this.onFrame(session, frame),
      closed: (error) => this.onClosed(session, error),
    });
    this.session = session;
    this.heartbeat();
  }

  private onClosed(session: AttachSession, error: Error | null): void {
    if (session !== this.session) return;
    this.session = null;
    this.options.log.debug({ err: error?.message, attempt: this.attempt }, 'attach stream closed');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== null) return;
    const delay = backoffDelay(this.timing.reconnect, this.attempt++);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
    this.reconnectTimer.unref();
  }

  /** Every heartbeat period: a heartbeat, and the liveness check. */
  private tick(): void {
    this.heartbeat();
    const silentFor = this.now() - this.lastFrameAt;
    if (!this.lost && silentFor > this.options.clusterOptions().nodeTimeout) this.linkLost(silentFor);
  }

  /** Sends a heartbeat now (the role or the replication state changed), besides the periodic ones. */
  sendHeartbeat(): void {
    this.heartbeat();
  }

  private heartbeat(): void {
    const session = this.session;
    if (session === null || !session.isOpen) return;
    const report: ReplicationReport = this.options.replication?.() ?? {
      role: isReplica(myself(this.current)) ? 'replica' : 'master',
      offset: 0,
      syncing: false,
      linkUp: false,
      linkDownSinceMs: 0,
    };
    session.send({
      frame: { $case: 'heartbeat', value: heartbeatFrame(report, this.options.keyspace.size, this.now()) },
    });
  }

  /** The agent is silent for too long: refuse writes until a fresh snapshot, and reopen the stream. */
  private linkLost(silentFor: number): void {
    this.lost = true;
    this.options.log.warn(
      { silentForMs: silentFor, address: this.options.address },
      'lost the gossip-agent for longer than cluster-node-timeout: cluster_state fail until it is back',
    );
    this.current = { ...this.current, health: 'fail' };
    this.options.publish(this.current, this.stats);
    const session = this.session;
    if (session !== null) {
      this.session = null;
      session.close(); // a stream that delivers nothing (agent stopped, not dead) is replaced
      this.scheduleReconnect();
    }
  }

  private onFrame(session: AttachSession, frame: AttachResponse): void {
    if (session !== this.session) return;
    this.lastFrameAt = this.now();
    const body = frame.frame;
    switch (body?.$case) {
      case 'topology':
        this.applySnapshot(session, body.value);
        return;
      case 'adminRequest':
        this.counters.adminRequest++;
        session.send({
          frame: {
            $case: 'adminResult',
            value: runAdminRequest(body.value, this.options.keyspace, this.options.writes),
          },
        });
        return;
      case 'delivery':
        this.counters.delivery++;
        this.deliver(body.value);
        return;
      default:
        this.counters.empty++; // a frame kind this data-node does not know yet: ignored
    }
  }

  private applySnapshot(session: AttachSession, snapshot: TopologySnapshot): void {
    const last = this.waiters.last;
    if (
      last !== null &&
      last.agentInstanceId === snapshot.agentInstanceId &&
      snapshot.version < last.version
    ) {
      this.counters.staleTopology++;
      return;
    }
    let state: ClusterState;
    try {
      state = stateFromSnapshot(snapshot, this.options.clusterOptions());
    } catch (err) {
      this.counters.refusedTopology++;
      this.options.log.warn(
        { err, version: String(snapshot.version) },
        'refused an inconsistent topology snapshot',
      );
      return;
    }
    this.counters.topology++;
    this.current = state;
    this.stats = clusterInfoStats(snapshot.busStats);
    this.lost = false;
    this.attempt = 0;
    this.options.publish(state, this.stats);
    const applied = { agentInstanceId: snapshot.agentInstanceId, version: snapshot.version };
    session.send({ frame: { $case: 'applied', value: applied } });
    this.waiters.applied(applied);
    this.resolveFirstSnapshot();
    if (this.announced !== session) {
      this.announced = session;
      this.options.log.info(
        { address: this.options.address, agent: snapshot.agentInstanceId, version: String(snapshot.version) },
        'attached to the gossip-agent',
      );
    }
  }

  /** Messages published on other nodes: to local subscribers only (never sent back out). */
  private deliver(inbound: PubSubInbound): void {
    const subscribers = this.options.subscribers;
    for (const { channel, message } of inbound.messages) {
      const name = channel.toString('latin1');
      if (inbound.sharded) subscribers.spublish(name, message);
      else subscribers.publish(name, message);
    }
  }

  private sendPublish(frame: PubSubOutbound): boolean {
    const session = this.session;
    return session !== null && session.send({ frame: { $case: 'publish', value: frame } });
  }

  // ------------------------------------------------------------------ ClusterCommand

  private async clusterCommand(args: readonly string[], facts: ForwardFacts): Promise<AgentReply> {
    const timeoutMs = this.timing.replyTimeoutMs;
    const started = Date.now();
    try {
      const response = await this.client.unary(
        'clusterCommand',
        {
          args: args.map((arg) => Buffer.from(arg, 'latin1')),
          clientAddress: facts.clientAddress,
          keyspace: keyspaceFacts(this.options.keyspace),
        },
        { deadline: started + timeoutMs },
      );
      const reply = agentReplyOf(response);
      if (response.topologyVersion > 0n) {
        const target = { agentInstanceId: response.agentInstanceId, version: response.topologyVersion };
        await this.waiters.wait(target, Math.max(0, started + timeoutMs - Date.now()));
      }
      return reply;
    } catch (err) {
      this.options.log.warn(
        { err, subcommand: args[0], client: facts.clientAddress },
        'the gossip-agent did not answer a forwarded CLUSTER subcommand',
      );
      throw err;
    }
  }
}
