// The coordinator's loop: every poll interval, read every agent's view; for each master that is FAIL and not
// replaced (model failedMasters) run one election at a time:
//   1. plan (model planElection): the eligible replica with the largest offset, its rank, the epoch (largest
//      seen + 1), the voters (masters serving slots) and the quorum;
//   2. wait the election delay (500 ms + random(0..499) + rank x 1000), then plan again on fresh views (the
//      failure may be handled by now, offsets move, the epoch must be the latest);
//   3. RequestVote to every voter (deadline: max(2 x node-timeout, 2 s); done as soon as a majority granted);
//   4. on a majority (model tallyElection), TakeOver to the candidate's agent with the epoch as configEpoch;
//      otherwise wait about a node-timeout and start again with a new epoch while the master is still failed.
// Nothing is stored between polls but the elections in flight and a short history for the status call:
// several coordinators may run; the masters' votes keep them from promoting twice. Mechanism only: the
// policy is the model's, the events and logs are the model's effects performed here.
import {
  electionTimeoutMs,
  failedMasters,
  planElection,
  randomBelow,
  tallyElection,
  type Ballot,
  type ClusterEvent,
  type Effect,
  type ElectionPlan,
  type ModelEnv,
  type NodeId,
} from '@tessera/cluster-model';
import { encodeRequestVote } from '@tessera/cluster-wire';
import type { Logger } from '@tessera/telemetry';
import { agentAddress, type AgentCalls } from '../agents/agent-clients.js';
import type { AgentWatch, WatchedView } from '../agents/agent-watch.js';

/** How long a TakeOver may take. */
const TAKEOVER_DEADLINE_MS = 2000;
/** Elections kept for the status call. */
const HISTORY = 100;

/** One election as the status call reports it. */
export interface ElectionResult {
  readonly failedMasterId: NodeId;
  readonly candidateId: NodeId;
  readonly epoch: bigint;
  readonly votes: number;
  readonly needed: number;
  /** `won` (this coordinator's TakeOver promoted it), `already` (promoted before), `lost`, `refused`. */
  readonly outcome: 'won' | 'already' | 'lost' | 'refused';
  readonly endedAt: number;
  /** From the first sight of the failure to the end of this election, ms. */
  readonly durationMs: number;
}

export interface CoordinatorDeps {
  readonly coordinatorId: string;
  readonly watch: AgentWatch;
  readonly calls: AgentCalls;
  /** Clock and randomness (model ModelEnv). */
  readonly env: ModelEnv;
  readonly pollIntervalMs: number;
  readonly log: Logger;
  /** Told about every cluster event (logged; later the metrics stream). */
  readonly onEvent: (event: ClusterEvent) => void;
  /** Test hook: waits `ms` (default: a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export class FailoverCoordinator {
  readonly history: ElectionResult[] = [];
  private readonly running = new Map<NodeId, Promise<void>>();
  private readonly quiet = new Map<NodeId, string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private failed: NodeId[] = [];
  private reachable = 0;

  constructor(private readonly deps: CoordinatorDeps) {}

  /** Masters seen failed and not replaced at the last poll. */
  get failedMasters(): readonly NodeId[] {
    return this.failed;
  }

  /** Agents that answered within the freshness limit at the last poll. */
  get reachableAgents(): number {
    return this.reachable;
  }

  /** Starts polling. */
  start(): void {
    const loop = async (): Promise<void> => {
      if (this.closed) return;
      await this.step();
      if (!this.closed) this.timer = setTimeout(() => void loop(), this.deps.pollIntervalMs);
    };
    void loop();
  }

  /** One poll and the elections it calls for. */
  async step(): Promise<void> {
    await this.deps.watch.poll();
    const views = this.views();
    this.reachable = views.length;
    this.failed = failedMasters(views.map((v) => v.view));
    for (const failedMasterId of this.failed) {
      if (this.running.has(failedMasterId)) continue;
      const election = this.elect(failedMasterId)
        .catch((error: unknown) => this.deps.log.error({ err: error, failedMasterId }, 'election crashed'))
        .finally(() => this.running.delete(failedMasterId));
      this.running.set(failedMasterId, election);
    }
  }

  /** Stops polling and waits for the elections in flight. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }

  private views(): WatchedView[] {
    return this.deps.watch.fresh(Math.max(1000, this.deps.pollIntervalMs * 5));
  }

  private now(): number {
    return this.deps.env.clock.now();
  }

  /** The plan for `failedMasterId` on the current views, or null when it is no longer failed. */
  private plan(failedMasterId: NodeId): { plan: ElectionPlan; views: WatchedView[] } | null {
    const views = this.views();
    if (!failedMasters(views.map((v) => v.view)).includes(failedMasterId)) return null;
    return {
      plan: planElection(
        views.map((v) => v.view),
        failedMasterId,
        this.now(),
        this.deps.env.random,
      ),
      views,
    };
  }

  private async elect(failedMasterId: NodeId): Promise<void> {
    const firstSeen = this.now();
    const log = this.deps.log.child({ failedMasterId });
    let planned = this.plan(failedMasterId);
    while (planned !== null && !this.closed) {
      if (planned.plan.kind === 'none') {
        // Said once per reason: the next polls see the same failure and plan again.
        if (this.quiet.get(failedMasterId) !== planned.plan.reason) {
          this.quiet.set(failedMasterId, planned.plan.reason);
          this.perform(planned.plan.effects, log);
        }
        return;
      }
      this.quiet.delete(failedMasterId);
      this.perform(planned.plan.effects, log);
      await this.sleep(planned.plan.delayMs);
      // Fresh views after the delay: someone may have handled it, offsets and epochs moved.
      const fresh = this.plan(failedMasterId);
      if (fresh === null || fresh.plan.kind === 'none' || this.closed) return;
      const plan = fresh.plan;
      if (plan.candidateId !== planned.plan.candidateId) {
        log.info(
          { was: planned.plan.candidateId, now: plan.candidateId },
          'better replica after the election delay: electing it instead',
        );
      }
      const result = await this.runElection(plan, fresh.views, firstSeen, log);
      if (result !== 'lost' && result !== 'refused') return;
      const timeout = fresh.views[0]?.view.state.options.nodeTimeout ?? 1000;
      await this.sleep(Math.max(500, timeout) + randomBelow(this.deps.env.random, Math.max(500, timeout)));
      planned = this.plan(failedMasterId);
    }
  }

  private async runElection(
    plan: Extract<ElectionPlan, { kind: 'elect' }>,
    views: readonly WatchedView[],
    firstSeen: number,
    log: Logger,
  ): Promise<ElectionResult['outcome']> {
    const candidate = views.find((v) => v.view.state.myselfId === plan.candidateId);
    if (candidate === undefined) return 'lost';
    const nodeTimeout = candidate.view.state.options.nodeTimeout;
    const deadline = this.now() + electionTimeoutMs(nodeTimeout);
    const request = encodeRequestVote(
      {
        candidateId: plan.candidateId,
        failedMasterId: plan.failedMasterId,
        epoch: plan.epoch,
        claimConfigEpoch: plan.claim.configEpoch,
        claimedSlots: plan.claim.slots,
        forceAck: false,
      },
      this.deps.coordinatorId,
    );
    log.info(
      {
        candidateId: plan.candidateId,
        epoch: String(plan.epoch),
        voters: plan.voters.length,
        needed: plan.needed,
      },
      'asking the masters for votes',
    );
    const ballots = await collectBallots(plan.voters, plan.needed, async (voter) => {
      const answer = await this.deps.calls.requestVote(
        agentAddress(voter.ip, voter.busPort),
        request,
        deadline,
      );
      return answer.granted
        ? { voterId: voter.id, granted: true }
        : { voterId: voter.id, granted: false, reason: answer.denial };
    });
    const tally = tallyElection(plan, ballots);
    this.perform(tally.effects, log);
    const record = (outcome: ElectionResult['outcome']): ElectionResult['outcome'] => {
      this.history.push({
        failedMasterId: plan.failedMasterId,
        candidateId: plan.candidateId,
        epoch: plan.epoch,
        votes: tally.votes,
        needed: plan.needed,
        outcome,
        endedAt: this.now(),
        durationMs: this.now() - firstSeen,
      });
      if (this.history.length > HISTORY) this.history.shift();
      return outcome;
    };
    if (!tally.won) return record('lost');
    try {
      const answer = await this.deps.calls.takeOver(
        candidate.address,
        {
          failedMasterId: { value: plan.failedMasterId },
          configEpoch: plan.epoch,
          votes: tally.votes,
          needed: plan.needed,
          coordinatorId: this.deps.coordinatorId,
        },
        this.now() + TAKEOVER_DEADLINE_MS,
      );
      if (answer.promoted) {
        this.perform(
          [
            {
              kind: 'event',
              event: {
                type: 'failover-won',
                nodeId: plan.candidateId,
                detail: {
                  failedMasterId: plan.failedMasterId,
                  configEpoch: plan.epoch.toString(),
                  votes: tally.votes,
                  needed: plan.needed,
                  durationMs: this.now() - firstSeen,
                },
              },
            },
          ],
          log,
        );
        log.info(
          {
            candidateId: plan.candidateId,
            configEpoch: String(plan.epoch),
            durationMs: this.now() - firstSeen,
          },
          'failover done: the replica took over',
        );
        return record('won');
      }
      if (answer.alreadyMaster) {
        log.info(
          { candidateId: plan.candidateId },
          'the replica was already promoted (another coordinator?)',
        );
        return record('already');
      }
      log.warn(
        { candidateId: plan.candidateId, refusal: answer.refusal },
        'the replica refused to take over',
      );
      return record('refused');
    } catch (error) {
      log.warn(
        { candidateId: plan.candidateId, err: error instanceof Error ? error.message : String(error) },
        'takeover call failed',
      );
      return record('refused');
    }
  }

  private perform(effects: readonly Effect[], log: Logger): void {
    for (const effect of effects) {
      if (effect.kind === 'event') this.deps.onEvent(effect.event);
      else if (effect.kind === 'log') log[effect.level](effect.fields ?? {}, effect.message);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.deps.sleep) return this.deps.sleep(ms);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * Asks every voter at once; resolves as soon as `needed` granted, or once all answered. A voter that failed
 * to answer (unreachable, deadline) counts as not granted; those still pending when a majority is in are
 * left out.
 */
export function collectBallots<V extends { readonly id: NodeId }>(
  voters: readonly V[],
  needed: number,
  ask: (voter: V) => Promise<Ballot>,
): Promise<Ballot[]> {
  return new Promise((resolve) => {
    const ballots: Ballot[] = [];
    let granted = 0;
    let done = false;
    const add = (ballot: Ballot): void => {
      ballots.push(ballot);
      if (ballot.granted) granted++;
      if (!done && (granted >= needed || ballots.length === voters.length)) {
        done = true;
        resolve([...ballots]);
      }
    };
    if (voters.length === 0) resolve([]);
    for (const voter of voters) {
      ask(voter).then(add, (error: unknown) =>
        add({
          voterId: voter.id,
          granted: false,
          reason: `unreachable: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    }
  });
}
