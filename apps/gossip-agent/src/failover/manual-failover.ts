// CLUSTER FAILOVER [FORCE|TAKEOVER] (redis cluster_legacy.c manual failover, CLUSTER_MF_TIMEOUT 5 s), both
// sides of it. The CLUSTER command was checked by the model (failoverMode) and answered +OK; then:
//
// On the replica (`start`):
// - default: MFSTART to my master's agent, which pauses its data-node's writes and answers with its final
//   replication offset; I wait until my data-node has processed that offset (5 s at most), then run an
//   election with FORCEACK and no delay: FAILOVER_AUTH_REQUEST to every master serving slots (my master
//   included), and on a majority of acks I take over with the election epoch. No acknowledged write is lost:
//   the master took none after the offset I caught up to, and its held writes get MOVED once it follows me.
// - FORCE: no MFSTART (the master is unreachable): the forced election at once.
// - TAKEOVER: no election: a new configEpoch without consensus and the takeover (model takeOverMaster).
//
// On the master (`handleMfStart`, `tick`): only my own replica may ask; my data-node pauses client writes
// (pause_writes, 10 s at most) and I note the manual failover for 5 s (my PINGs say manual_failover_paused).
// When the replica has taken my slots I am its replica: the topology goes to my data-node first, then the
// pause ends, so the held writes are answered MOVED. When 5 s pass without that, the pause ends anyway.
// Mechanism only: the votes, the promotion and the epochs are the model's.
import { status } from '@grpc/grpc-js';
import {
  buildPingMessage,
  electionTimeoutMs,
  isMaster,
  isReplica,
  MANUAL_FAILOVER_PAUSE_MULT,
  MANUAL_FAILOVER_TIMEOUT_MS,
  masterOf,
  myself,
  promoteMyself,
  startElection,
  takeOverMaster,
  votesNeeded,
  type ClusterEvent,
  type ClusterNode,
  type FailoverMode,
  type ModelEnv,
  type NodeId,
} from '@tessera/cluster-model';
import { encodeFailoverAuthRequest, encodeHeader, type HeaderExtra } from '@tessera/cluster-wire';
import { CallRejectedError, type MfStartResponse } from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { DataNodeSession } from '../attach/data-node-session.js';
import type { PeerLinks } from '../bus/peer-links.js';
import type { AgentNode } from '../node/agent-node.js';

/** How long the master's data-node may take to pause. */
const PAUSE_ANSWER_TIMEOUT_MS = 2000;
/** How often the replica checks its offset while catching up. */
const CATCH_UP_POLL_MS = 20;

export interface ManualFailoverDeps {
  readonly node: () => AgentNode;
  readonly session: DataNodeSession;
  readonly links: PeerLinks;
  readonly env: ModelEnv;
  readonly log: Logger;
  /** Header fields besides the model's (cluster_state, manual_failover_paused). */
  readonly extras: () => HeaderExtra;
  /** Sends the topology to the data-node now. */
  readonly publishNow: () => void;
  readonly onEvent: (event: ClusterEvent) => void;
}

export class ManualFailover {
  /** Replica side: the manual failover in progress, if any. */
  private running: { readonly mode: FailoverMode; readonly startedAt: number } | null = null;
  /** Master side: the replica I paused for, and until when. */
  private paused: { readonly replicaId: NodeId; readonly endAt: number } | null = null;

  constructor(private readonly deps: ManualFailoverDeps) {}

  /** True while this master holds its writes for a manual failover (Header.manual_failover_paused). */
  get pausedForFailover(): boolean {
    return this.paused !== null;
  }

  /** True while this replica runs a manual failover. */
  get inProgress(): boolean {
    return this.running !== null;
  }

  // ------------------------------------------------------------------ replica side

  /** CLUSTER FAILOVER [FORCE|TAKEOVER] was accepted: run it (the client already has its +OK). */
  start(mode: FailoverMode): void {
    const node = this.deps.node();
    const me = myself(node.state);
    if (this.running !== null) {
      this.deps.log.warn({ mode }, 'manual failover already in progress: CLUSTER FAILOVER ignored');
      return;
    }
    const startedAt = this.deps.env.clock.now();
    this.running = { mode, startedAt };
    this.deps.log.info({ mode, masterId: me.masterId }, 'manual failover requested by CLUSTER FAILOVER');
    this.deps.onEvent({
      type: 'manual-failover-started',
      nodeId: me.id,
      detail: { mode, ...(me.masterId === null ? {} : { masterId: me.masterId }) },
    });
    this.run(mode, startedAt)
      .catch((error: unknown) => this.abort(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.running = null;
      });
  }

  private async run(mode: FailoverMode, startedAt: number): Promise<void> {
    const node = this.deps.node();
    if (mode === 'takeover') {
      const outcome = takeOverMaster(node.state, this.deps.env);
      if (!outcome.promoted) throw new Error(`takeover refused: ${outcome.detail}`);
      node.apply(outcome);
      this.deps.publishNow();
      return;
    }
    if (mode === 'default') {
      const masterOffset = await this.askMasterToPause();
      await this.catchUp(masterOffset, startedAt + MANUAL_FAILOVER_TIMEOUT_MS);
    }
    await this.electMyself(mode === 'force' ? 'manual failover (force)' : 'manual failover');
  }

  /** MFSTART: my master pauses its writes and tells me its final offset. */
  private async askMasterToPause(): Promise<bigint> {
    const node = this.deps.node();
    const master = masterOf(node.state, myself(node.state));
    if (master === undefined) throw new Error('my master is unknown');
    const env = this.deps.env;
    const header = encodeHeader(buildPingMessage(node.state, 'ping', env), this.deps.extras());
    const deadline = env.clock.now() + MANUAL_FAILOVER_TIMEOUT_MS;
    const reply = await this.deps.links.mfStart(master, header, deadline);
    this.deps.log.info(
      { masterId: master.id, masterOffset: String(reply.masterOffset) },
      'manual failover: master paused its writes, waiting to catch up with its offset',
    );
    return reply.masterOffset;
  }

  /** Waits until my data-node has processed `offset` (redis: mf_master_offset reached). */
  private async catchUp(offset: bigint, until: number): Promise<void> {
    for (;;) {
      const mine = this.deps.session.facts.replicationOffset;
      if (mine >= offset) {
        this.deps.log.info({ offset: String(offset) }, 'manual failover: caught up with the master');
        return;
      }
      if (this.deps.env.clock.now() > until) {
        throw new Error(
          `not caught up with the master's offset ${offset} (at ${mine}) within the manual failover timeout`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
    }
  }

  /**
   * A forced election of myself, no delay (redis: manual failover election): currentEpoch + 1, a
   * FAILOVER_AUTH_REQUEST with FORCEACK to every master serving slots, a majority of acks wins.
   */
  private async electMyself(reason: string): Promise<void> {
    const node = this.deps.node();
    const env = this.deps.env;
    const started = startElection(node.state, env, reason);
    node.apply(started); // the epoch is saved (fsync) before any request leaves
    const state = node.state;
    const me = myself(state);
    if (!isReplica(me) || me.masterId === null) throw new Error('I am no longer a replica');
    const voters: ClusterNode[] = [];
    let size = 0;
    for (const other of state.nodes.values()) {
      if (!isMaster(other) || other.slotCount === 0) continue;
      size++;
      voters.push(other);
    }
    const needed = votesNeeded(size);
    const request = encodeFailoverAuthRequest(
      buildPingMessage(state, 'ping', env),
      started.epoch,
      true,
      this.deps.extras(),
    );
    const deadline = env.clock.now() + electionTimeoutMs(state.options.nodeTimeout);
    const votes = await countVotes(voters, needed, async (voter) => {
      const { ack } = await this.deps.links.failoverAuth(voter, request, deadline);
      // Redis counts an ack from a master with slots whose epoch is at least the election's.
      return (
        ack !== undefined &&
        ack.header?.sender?.value === voter.id &&
        ack.header.currentEpoch >= started.epoch
      );
    });
    this.deps.log.info(
      { epoch: String(started.epoch), votes, needed, asked: voters.length },
      votes >= needed ? 'manual failover: election won' : 'manual failover: election lost',
    );
    if (votes < needed)
      throw new Error(`election lost: ${votes} of ${needed} votes in epoch ${started.epoch}`);
    const promoted = promoteMyself(
      node.state,
      { configEpoch: started.epoch, failedMasterId: me.masterId, reason },
      env,
    );
    if (!promoted.promoted) throw new Error(`promotion refused: ${promoted.detail}`);
    node.apply(promoted);
    this.deps.publishNow();
  }

  private abort(reason: string): void {
    const node = this.deps.node();
    this.deps.log.warn({ reason }, 'manual failover aborted');
    this.deps.onEvent({ type: 'manual-failover-aborted', nodeId: node.state.myselfId, detail: { reason } });
  }

  // ------------------------------------------------------------------ master side

  /** MFSTART from `senderId`: pause my data-node's writes; answer with the final offset. */
  async handleMfStart(senderId: NodeId): Promise<MfStartResponse> {
    const node = this.deps.node();
    const state = node.state;
    const me = myself(state);
    const sender = state.nodes.get(senderId);
    if (!isMaster(me) || sender === undefined || !isReplica(sender) || sender.masterId !== me.id) {
      throw new CallRejectedError(
        status.PERMISSION_DENIED,
        `MFSTART from ${senderId}, which is not one of my replicas`,
      );
    }
    const now = this.deps.env.clock.now();
    const pauseMs = MANUAL_FAILOVER_TIMEOUT_MS * MANUAL_FAILOVER_PAUSE_MULT;
    let done;
    try {
      done = await this.deps.session.requestAndWait(
        { $case: 'pauseWrites', value: { durationMs: BigInt(pauseMs) } },
        PAUSE_ANSWER_TIMEOUT_MS,
      );
    } catch (error) {
      throw new CallRejectedError(
        status.UNAVAILABLE,
        `my data-node did not pause its writes: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.paused = { replicaId: senderId, endAt: now + MANUAL_FAILOVER_TIMEOUT_MS };
    this.deps.log.info(
      { replicaId: senderId, offset: String(done.replicationOffset) },
      'manual failover requested by my replica: client writes paused',
    );
    return { masterOffset: done.replicationOffset, pausedUntilMs: BigInt(now + pauseMs) };
  }

  /** Every agent tick: end the pause once I follow the new master, or when the manual failover timed out. */
  tick(): void {
    const paused = this.paused;
    if (paused === null) return;
    const node = this.deps.node();
    const demoted = !isMaster(myself(node.state));
    const expired = this.deps.env.clock.now() > paused.endAt;
    if (!demoted && !expired) return;
    this.paused = null;
    // The topology first: writes held by the pause then get MOVED to the new master.
    this.deps.publishNow();
    this.deps.session.request({ $case: 'resumeWrites', value: {} });
    this.deps.log.info(
      {
        replicaId: paused.replicaId,
        reason: demoted ? 'now a replica of the new master' : 'manual failover timed out',
      },
      'manual failover over: client writes resumed',
    );
  }
}

/**
 * Asks every voter at once; resolves with the number of votes as soon as `needed` are in (the others may
 * still answer, and are not counted), or once every voter answered or failed.
 */
export function countVotes<T>(
  voters: readonly T[],
  needed: number,
  ask: (voter: T) => Promise<boolean>,
): Promise<number> {
  return new Promise((resolve) => {
    let votes = 0;
    let answered = 0;
    let done = false;
    const settle = (granted: boolean): void => {
      answered++;
      if (granted) votes++;
      if (!done && (votes >= needed || answered === voters.length)) {
        done = true;
        resolve(votes);
      }
    };
    if (voters.length === 0) resolve(0);
    for (const voter of voters) {
      ask(voter).then(settle, () => settle(false));
    }
  });
}
