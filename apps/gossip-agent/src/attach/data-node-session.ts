// The agent's side of NodeAgentService (attach.proto): the Attach stream of its one data-node (a new
// stream replaces the old one: the data-node restarted or reconnected) and the CLUSTER subcommands it
// forwards. The session knows whether the data-node is alive (a frame within node-timeout), its keyspace
// size, replication offset and master link from heartbeats, sends it snapshots and admin requests (some
// awaited: a manual failover waits for pause_writes' final offset), starts manual failovers for CLUSTER
// FAILOVER, and hands its PUBLISH/SPUBLISH messages to the bus.
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import {
  failoverMode,
  isReplica,
  runAdminCommand,
  type FailoverMode,
  type KeyspaceView,
  type ModelEnv,
  type ReplicaLinkFacts,
} from '@tessera/cluster-model';
import {
  CallRejectedError,
  type AdminDone,
  type AdminRequest,
  type AttachRequest,
  type AttachResponse,
  type AuthenticatedImplementation,
  type ClusterCommandRequest,
  type ClusterCommandResponse,
  type KeyspaceFacts,
  type NodeAgentServiceService,
  type PubSubMessage,
  type TopologySnapshot,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { AgentNode } from '../node/agent-node.js';
import type { SnapshotPublisher } from './snapshot-publisher.js';

type AgentImplementation = AuthenticatedImplementation<typeof NodeAgentServiceService>;
type AttachCall = ServerDuplexStream<AttachRequest, AttachResponse>;

/** What the data-node said in its last heartbeat. */
export interface DataNodeFacts extends ReplicaLinkFacts {
  readonly replicationOffset: bigint;
  readonly writesPaused: boolean;
}

export interface SessionDeps {
  readonly node: () => AgentNode;
  readonly env: ModelEnv;
  readonly nodeTimeout: number;
  readonly log: Logger;
  /** The data-node's PUBLISH (sharded: SPUBLISH) messages, for the bus. */
  readonly publish: (sharded: boolean, messages: readonly PubSubMessage[]) => void;
  /** CLUSTER FAILOVER [FORCE|TAKEOVER] passed Redis's checks: start it (it goes on after the +OK). */
  readonly startManualFailover: (mode: FailoverMode) => void;
}

export class DataNodeSession {
  private call: AttachCall | null = null;
  private lastFrameAt = 0;
  private nextRequestId = 1n;
  private readonly startedAt: number;
  private publisher: SnapshotPublisher | null = null;
  /** The data-node's last heartbeat facts (replication offset, master link, pause). */
  facts: DataNodeFacts = {
    replicationOffset: 0n,
    masterLinkUp: false,
    masterLinkDownSinceMs: 0,
    writesPaused: false,
  };
  private readonly pending = new Map<
    bigint,
    { resolve: (done: AdminDone) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();

  constructor(private readonly deps: SessionDeps) {
    this.startedAt = deps.env.clock.now();
  }

  bind(publisher: SnapshotPublisher): void {
    this.publisher = publisher;
  }

  /**
   * Whether the data-node is there: attached with a frame within node-timeout. A fresh agent gets
   * node-timeout for its data-node to attach.
   */
  alive(): boolean {
    const now = this.deps.env.clock.now();
    if (this.call === null) return now - Math.max(this.startedAt, this.lastFrameAt) <= this.deps.nodeTimeout;
    return now - this.lastFrameAt <= this.deps.nodeTimeout;
  }

  /** Sends a snapshot to the attached data-node, if any. */
  sendSnapshot(snapshot: TopologySnapshot): void {
    this.write({ frame: { $case: 'topology', value: snapshot } });
  }

  deliver(sharded: boolean, messages: readonly PubSubMessage[]): void {
    this.write({ frame: { $case: 'delivery', value: { sharded, messages: [...messages] } } });
  }

  /** Whether a data-node is attached now. */
  get attached(): boolean {
    return this.call !== null && !this.call.destroyed;
  }

  /** Asks the data-node to act (no answer awaited: its result is logged). */
  request(action: AdminRequest['action']): void {
    const requestId = this.nextRequestId++;
    this.write({ frame: { $case: 'adminRequest', value: { requestId, action } } });
  }

  /** Asks the data-node to act and waits for its AdminResult; rejects on refusal, detach or timeout. */
  requestAndWait(action: AdminRequest['action'], timeoutMs: number): Promise<AdminDone> {
    if (!this.attached) return Promise.reject(new Error('no data-node is attached'));
    const requestId = this.nextRequestId++;
    return new Promise<AdminDone>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(
          new Error(`the data-node did not answer ${action?.$case ?? 'an admin request'} in ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      this.write({ frame: { $case: 'adminRequest', value: { requestId, action } } });
    });
  }

  close(): void {
    this.call?.end();
    this.call = null;
    this.failPending('the agent is closing');
  }

  private failPending(reason: string): void {
    for (const [requestId, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      this.pending.delete(requestId);
      waiter.reject(new Error(reason));
    }
  }

  implementation(): AgentImplementation {
    return {
      attach: (call: AttachCall) => this.attach(call),
      clusterCommand: (request) => this.clusterCommand(request),
    };
  }

  private attach(call: AttachCall): void {
    let hello = false;
    call.on('data', (frame: AttachRequest) => {
      const body = frame.frame;
      if (!hello) {
        if (body?.$case !== 'hello') {
          call.emit('error', {
            code: status.INVALID_ARGUMENT,
            details: 'the first frame must be DataNodeHello',
          });
          return;
        }
        hello = true;
        if (this.call !== null && this.call !== call) this.call.end();
        this.call = call;
        this.lastFrameAt = this.deps.env.clock.now();
        this.deps.log.info(
          { pid: body.value.pid, port: body.value.clientPort, instance: body.value.instanceId },
          'data-node attached',
        );
        this.publisher?.publishNow();
        return;
      }
      if (this.call !== call) return;
      this.lastFrameAt = this.deps.env.clock.now();
      switch (body?.$case) {
        case 'heartbeat':
          this.facts = {
            replicationOffset: body.value.replicationOffset,
            masterLinkUp: body.value.masterLinkUp,
            masterLinkDownSinceMs: safeMs(body.value.masterLinkDownSinceMs),
            writesPaused: body.value.writesPaused,
          };
          this.deps.node().setReplicationOffset(body.value.replicationOffset);
          break;
        case 'adminResult': {
          const waiter = this.pending.get(body.value.requestId);
          this.pending.delete(body.value.requestId);
          if (waiter !== undefined) clearTimeout(waiter.timer);
          const outcome = body.value.outcome;
          if (outcome?.$case === 'error') {
            this.deps.log.warn(
              { requestId: body.value.requestId, error: outcome.value },
              'data-node refused an admin request',
            );
            waiter?.reject(new Error(outcome.value));
          } else if (outcome?.$case === 'done') {
            waiter?.resolve(outcome.value);
          } else {
            waiter?.reject(new Error('admin result without an outcome'));
          }
          break;
        }
        case 'publish':
          this.deps.publish(body.value.sharded, body.value.messages);
          break;
        default:
          break; // applied: the data-node tracks versions itself
      }
    });
    const detach = (): void => {
      if (this.call !== call) return;
      this.call = null;
      this.failPending('the data-node detached');
      this.deps.log.warn('data-node detached');
    };
    call.on('end', () => {
      detach();
      call.end();
    });
    call.on('error', detach);
    call.on('cancelled', detach);
  }

  private clusterCommand(request: ClusterCommandRequest): ClusterCommandResponse {
    const args = request.args.map((arg) => Buffer.from(arg).toString('latin1'));
    const node = this.deps.node();
    const sub = (args[0] ?? '').toLowerCase();
    const wasReplica = isReplica(node.state.nodes.get(node.state.myselfId) ?? failMissingMyself());
    const outcome = runAdminCommand(node.state, args, this.deps.env, keyspaceView(request.keyspace));
    const answer = (
      outcome: Omit<ClusterCommandResponse, 'agentInstanceId' | 'topologyVersion'>,
      version = 0n,
    ) => ({
      ...outcome,
      agentInstanceId: this.publisher?.instanceId ?? '',
      topologyVersion: version,
    });
    if (outcome === null) {
      throw new CallRejectedError(status.INVALID_ARGUMENT, `not an agent subcommand: ${args[0] ?? ''}`);
    }
    if (!outcome.ok) return answer({ outcome: { $case: 'error', value: outcome.error.message } });
    if (sub === 'failover') {
      // Redis answers +OK at once; the failover goes on asynchronously (manual-failover.ts).
      const mode = failoverMode(node.state, args.slice(1));
      if (typeof mode === 'string') this.deps.startManualFailover(mode);
      return answer({ outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'OK' } } } });
    }
    node.apply(outcome);
    if (sub === 'saveconfig') node.save(true);
    // Redis clusterReset: a replica that resets becomes an empty master.
    if (sub === 'reset' && wasReplica) this.request({ $case: 'flushData', value: {} });
    const version = this.publisher?.publishNow() ?? 0n;
    const reply = outcome.reply.kind === 'ok' ? 'OK' : outcome.reply.text;
    return answer(
      { outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: reply } } } },
      version,
    );
  }

  private write(response: AttachResponse): void {
    const call = this.call;
    if (call === null || call.destroyed) return;
    call.write(response);
  }
}

/** The keyspace facts a forwarded subcommand came with. */
function keyspaceView(facts: KeyspaceFacts | undefined): KeyspaceView {
  const bySlot = new Map<number, number>();
  for (const entry of facts?.slots ?? []) bySlot.set(entry.slot, Number(entry.keys));
  return { keyCount: Number(facts?.keyCount ?? 0n), countKeysInSlot: (slot) => bySlot.get(slot) ?? 0 };
}

/** A uint64 ms field as a number (0 when absurd). */
function safeMs(value: bigint): number {
  return value > 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : 0;
}

function failMissingMyself(): never {
  throw new CallRejectedError(status.INTERNAL, 'myself is missing from the cluster state');
}
