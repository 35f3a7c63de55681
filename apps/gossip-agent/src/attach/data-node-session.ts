// The agent's side of NodeAgentService (attach.proto): the Attach stream of its one data-node (a new
// stream replaces the old one: the data-node restarted or reconnected) and the CLUSTER subcommands it
// forwards. The session knows whether the data-node is alive (a frame within node-timeout), its keyspace
// size and replication offset from heartbeats, sends it snapshots and admin requests, and hands its
// PUBLISH/SPUBLISH messages to the bus.
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import { isReplica, runAdminCommand, type KeyspaceView, type ModelEnv } from '@tessera/cluster-model';
import {
  CallRejectedError,
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

/** Not a Redis text: CLUSTER FAILOVER is refused until the failover-coordinator exists. */
export const FAILOVER_NOT_YET =
  'ERR CLUSTER FAILOVER is not available yet: this version has no failover-coordinator';

export interface SessionDeps {
  readonly node: () => AgentNode;
  readonly env: ModelEnv;
  readonly nodeTimeout: number;
  readonly log: Logger;
  /** The data-node's PUBLISH (sharded: SPUBLISH) messages, for the bus. */
  readonly publish: (sharded: boolean, messages: readonly PubSubMessage[]) => void;
}

export class DataNodeSession {
  private call: AttachCall | null = null;
  private lastFrameAt = 0;
  private nextRequestId = 1n;
  private readonly startedAt: number;
  private publisher: SnapshotPublisher | null = null;
  /** Number of keys the data-node reported last. */
  keyCount = 0n;

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

  /** Asks the data-node to act (no answer awaited: its result is logged). */
  request(action: AdminRequest['action']): void {
    const requestId = this.nextRequestId++;
    this.write({ frame: { $case: 'adminRequest', value: { requestId, action } } });
  }

  close(): void {
    this.call?.end();
    this.call = null;
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
          this.keyCount = body.value.keyCount;
          this.deps.node().setReplicationOffset(body.value.replicationOffset);
          break;
        case 'adminResult':
          if (body.value.outcome?.$case === 'error') {
            this.deps.log.warn(
              { requestId: body.value.requestId, error: body.value.outcome.value },
              'data-node refused an admin request',
            );
          }
          break;
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
    if (sub === 'failover') return answer({ outcome: { $case: 'error', value: FAILOVER_NOT_YET } });
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

function failMissingMyself(): never {
  throw new CallRejectedError(status.INTERNAL, 'myself is missing from the cluster state');
}
