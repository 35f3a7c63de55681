// FailoverAgentService (failover.proto): what failover-coordinators ask of this agent. The cluster-secret
// proof was checked by authenticatedService; here each call is converted (malformed: INVALID_ARGUMENT) and
// handed to the model:
// - GetFailoverView: my topology (as the data-node gets it) and my data-node's replication link;
// - RequestVote: Redis's vote rules (grantFailoverVote); a granted vote is in nodes.conf (fsync) before the
//   answer leaves; counted like a bus FAILOVER_AUTH_REQUEST (auth-req received, auth-ack sent);
// - TakeOver: the elected replica replaces its master with the election's configEpoch, if it may still fail
//   over (master FAIL, not nofailover, data recent enough), then the topology goes to the data-node at once.
// A node whose data-node is missing (silent) neither votes nor takes over: UNAVAILABLE.
import { status } from '@grpc/grpc-js';
import {
  failoverEligibility,
  myself,
  promoteMyself,
  replicaValidityFactorOf,
  type ModelEnv,
} from '@tessera/cluster-model';
import { decodeRequestVote, decodeTakeOver, topologySnapshot } from '@tessera/cluster-wire';
import {
  CallRejectedError,
  type AuthenticatedImplementation,
  type FailoverAgentServiceService,
} from '@tessera/proto';
import type { Logger } from '@tessera/telemetry';
import type { DataNodeSession } from '../attach/data-node-session.js';
import type { SnapshotPublisher } from '../attach/snapshot-publisher.js';
import type { BusStats } from '../bus/bus-stats.js';
import type { AgentNode } from '../node/agent-node.js';

type FailoverImplementation = AuthenticatedImplementation<typeof FailoverAgentServiceService>;

export interface FailoverServiceDeps {
  readonly node: AgentNode;
  readonly session: DataNodeSession;
  readonly publisher: SnapshotPublisher;
  readonly stats: BusStats;
  readonly env: ModelEnv;
  readonly log: Logger;
}

export function failoverService(deps: FailoverServiceDeps): FailoverImplementation {
  const { node, session, stats, env, log } = deps;
  const serving = (): void => {
    if (node.silent)
      throw new CallRejectedError(status.UNAVAILABLE, 'this node is not serving (no data-node)');
  };
  return {
    getFailoverView: () => {
      const state = node.state;
      const facts = session.facts;
      return {
        topology: topologySnapshot(state, {
          agentInstanceId: deps.publisher.instanceId,
          version: 0n,
          builtAtMs: env.clock.now(),
          busStats: stats.counters(),
        }),
        replicaLink: {
          masterLinkUp: facts.masterLinkUp,
          masterLinkDownSinceMs: BigInt(facts.masterLinkDownSinceMs),
        },
        dataNodeAlive: session.attached && session.alive() && !node.silent,
        nodeTimeoutMs: state.options.nodeTimeout,
        lastVoteEpoch: state.lastVoteEpoch,
        replicaValidityFactor: replicaValidityFactorOf(state.options),
      };
    },

    requestVote: (proto) => {
      const request = convert(() => decodeRequestVote(proto));
      serving();
      stats.received('auth-req');
      const outcome = node.vote(request);
      const me = myself(node.state);
      if (outcome.granted) stats.sent('auth-ack');
      log.info(
        {
          coordinator: proto.coordinatorId,
          candidateId: request.candidateId,
          failedMasterId: request.failedMasterId,
          epoch: String(request.epoch),
          granted: outcome.granted,
          ...(outcome.granted ? { repeated: outcome.repeated } : { denial: outcome.denial }),
        },
        'vote requested by a failover-coordinator',
      );
      return {
        granted: outcome.granted,
        denial: outcome.granted ? '' : outcome.denial,
        detail: outcome.granted ? '' : outcome.detail,
        voterId: { value: me.id },
        voterCurrentEpoch: node.state.currentEpoch,
      };
    },

    takeOver: (proto) => {
      const order = convert(() => decodeTakeOver(proto));
      serving();
      const state = node.state;
      const me = myself(state);
      const answer = (promoted: boolean, alreadyMaster: boolean, refusal: string) => ({
        promoted,
        alreadyMaster,
        refusal,
        configEpoch: myself(node.state).configEpoch,
      });
      const eligibility = failoverEligibility(state, session.facts, env.clock.now());
      if (!eligibility.eligible && eligibility.reason !== 'not-replica') {
        log.warn(
          { coordinator: proto.coordinatorId, reason: eligibility.reason, detail: eligibility.detail },
          'takeover refused: I may not fail over',
        );
        return answer(false, false, eligibility.reason);
      }
      const outcome = promoteMyself(
        state,
        { configEpoch: order.configEpoch, failedMasterId: order.failedMasterId, reason: 'election' },
        env,
      );
      if (!outcome.promoted) {
        const already = outcome.refusal === 'already-master';
        log.info(
          { coordinator: proto.coordinatorId, refusal: outcome.refusal, masterId: me.masterId },
          already ? 'takeover repeated: already a master' : 'takeover refused',
        );
        return answer(false, already, already ? '' : outcome.refusal);
      }
      node.apply(outcome);
      deps.publisher.publishNow();
      log.info(
        {
          coordinator: proto.coordinatorId,
          oldMasterId: outcome.oldMasterId,
          configEpoch: String(outcome.configEpoch),
          votes: proto.votes,
          needed: proto.needed,
        },
        'took over my failed master after an election',
      );
      return answer(true, false, '');
    },
  };
}

function convert<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new CallRejectedError(
      status.INVALID_ARGUMENT,
      error instanceof Error ? error.message : String(error),
    );
  }
}
