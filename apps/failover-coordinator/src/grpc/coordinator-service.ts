// FailoverCoordinatorService (failover.proto): what this coordinator sees and has done, for operators,
// tools and tests. Read-only; converts the coordinator's state to protobuf and nothing else.
import type { AuthenticatedImplementation, FailoverCoordinatorServiceService } from '@tessera/proto';
import type { AgentWatch } from '../agents/agent-watch.js';
import type { FailoverCoordinator } from '../coordinator/failover-coordinator.js';

type StatusImplementation = AuthenticatedImplementation<typeof FailoverCoordinatorServiceService>;

export function coordinatorService(
  coordinatorId: string,
  coordinator: FailoverCoordinator,
  watch: AgentWatch,
): StatusImplementation {
  return {
    getCoordinatorStatus: () => ({
      coordinatorId,
      agents: watch.addresses(),
      reachableAgents: coordinator.reachableAgents,
      failedMasters: coordinator.failedMasters.map((value) => ({ value })),
      elections: coordinator.history.map((election) => ({
        failedMasterId: { value: election.failedMasterId },
        candidateId: { value: election.candidateId },
        epoch: election.epoch,
        votes: election.votes,
        needed: election.needed,
        outcome: election.outcome,
        endedAtMs: BigInt(election.endedAt),
        durationMs: BigInt(Math.max(0, election.durationMs)),
      })),
    }),
  };
}
