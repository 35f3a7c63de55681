// A master's failover vote (redis cluster_legacy.c `clusterSendFailoverAuthIfNeeded`). A vote request names a
// candidate replica, the election epoch and the claim (the candidate's master's slots and configEpoch as the
// candidate knows them). The request's epoch first raises currentEpoch (Redis applies the header before the
// type); then the vote is granted only if all of these hold, checked in Redis's order:
//   1. myself is a master serving at least one slot (only they count in the quorum);
//   2. the epoch is not older than my currentEpoch;
//   3. I have not voted in this epoch (lastVoteEpoch);
//   4. the candidate is a replica whose master is FAIL, unless the request forces the ack (manual failover);
//   5. I have not voted for a replica of that master within 2 x node-timeout;
//   6. for every claimed slot, the claim's configEpoch is not older than the current owner's.
// A granted vote sets lastVoteEpoch and the per-master vote record and asks for nodes.conf to be written with
// fsync BEFORE the vote is sent (save-config fsync effect; the agent answers after beforeSleep has saved).
//
// Two deliberate additions for several coordinators asking on behalf of the same candidate (docs/failover.md):
// a request for exactly the vote already given (same epoch, same candidate) is granted again without changing
// anything (Raft's votedFor), and rule 5 does not refuse the candidate that vote went to. Both keep the safety
// property: within 2 x node-timeout a master's votes about one failed master go to one replica only, and
// in one epoch to one replica only. Pure: no I/O.
import { SLOT_COUNT, type SlotBitmap } from '@tessera/slot';
import { inHandshake, isFailed, isMaster, isReplica } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { Transition } from '../model/effects.js';
import type { ModelEnv } from '../model/env.js';
import type { NodeId } from '../model/node-id.js';
import { StateDraft } from '../model/state-draft.js';

/** Votes about one failed master are at least this many node-timeouts apart (redis: node_timeout * 2). */
export const VOTE_INTERVAL_MULT = 2;

/** A request for this node's vote (FAILOVER_AUTH_REQUEST, or a coordinator's RequestVote). */
export interface VoteRequest {
  /** The replica asking to be elected. */
  readonly candidateId: NodeId;
  /** The election epoch (the request header's currentEpoch). */
  readonly epoch: bigint;
  /** The configEpoch of the claim: the candidate's master's, as the candidate knows it. */
  readonly claimConfigEpoch: bigint;
  /** The slots the candidate claims (its master's). */
  readonly claimedSlots: SlotBitmap;
  /** CLUSTERMSG_FLAG0_FORCEACK: vote even though the candidate's master is not FAIL (manual failover). */
  readonly forceAck: boolean;
  /**
   * The failed master the requester means (a coordinator names it); refused when my view says the candidate
   * replicates another node.
   */
  readonly failedMasterId?: NodeId;
}

/** Why a vote was refused: stable codes for logs, events and the RequestVote reply. */
export const VOTE_DENIALS = {
  /** The candidate is not a known node (or still in handshake). */
  candidateUnknown: 'candidate-unknown',
  /** Myself is a replica or serves no slot: not a voter. */
  notAVoter: 'not-a-voter',
  /** The request's epoch is older than my currentEpoch. */
  staleEpoch: 'stale-epoch',
  /** I already voted in this epoch (for another candidate). */
  alreadyVoted: 'already-voted',
  /** The candidate is a master. */
  candidateIsMaster: 'candidate-is-master',
  /** I do not know the candidate's master. */
  masterUnknown: 'master-unknown',
  /** The candidate replicates another master than the one the request names. */
  masterMismatch: 'master-mismatch',
  /** The candidate's master is not FAIL and the request does not force the ack. */
  masterUp: 'master-up',
  /** I voted for another replica of that master less than 2 x node-timeout ago. */
  votedRecently: 'voted-recently',
  /** A claimed slot is served by a master with a newer configEpoch than the claim. */
  staleClaim: 'stale-claim',
} as const;

export type VoteDenial = (typeof VOTE_DENIALS)[keyof typeof VOTE_DENIALS];

/** The new state (epoch raised, maybe the vote recorded) and whether the vote was granted. */
export type VoteOutcome = Transition &
  (
    | {
        readonly granted: true;
        /** True when this repeats a vote already given (nothing changed, nothing to save). */
        readonly repeated: boolean;
        /** The failed master the vote is about. */
        readonly masterId: NodeId;
      }
    | { readonly granted: false; readonly denial: VoteDenial; readonly detail: string }
  );

export function grantFailoverVote(state: ClusterState, request: VoteRequest, env: ModelEnv): VoteOutcome {
  const draft = new StateDraft(state, env);
  const candidate = draft.get(request.candidateId);
  const deny = (denial: VoteDenial, detail: string): VoteOutcome => {
    draft.log('warn', 'failover auth denied', {
      candidateId: request.candidateId,
      epoch: request.epoch.toString(),
      reason: denial,
      detail,
    });
    draft.event('vote-denied', request.candidateId, { epoch: request.epoch.toString(), reason: denial });
    return { ...draft.finish(), granted: false, denial, detail };
  };
  if (candidate === undefined || inHandshake(candidate)) {
    return deny(VOTE_DENIALS.candidateUnknown, 'the candidate is not a known node');
  }
  // The header of a known sender raises currentEpoch (clusterProcessPacket, before the type switch).
  if (request.epoch > draft.currentEpoch) {
    draft.currentEpoch = request.epoch;
    draft.saveConfig();
  }

  const me = draft.myself;
  if (!isMaster(me) || me.slotCount === 0) {
    return deny(VOTE_DENIALS.notAVoter, 'I am not a master serving slots');
  }
  if (request.epoch < draft.currentEpoch) {
    return deny(VOTE_DENIALS.staleEpoch, `reqEpoch (${request.epoch}) < curEpoch (${draft.currentEpoch})`);
  }
  if (draft.lastVoteEpoch === draft.currentEpoch) {
    const given = [...draft.failoverVotes].find(
      ([, vote]) => vote.epoch === draft.currentEpoch && vote.candidateId === candidate.id,
    );
    if (given !== undefined) {
      draft.log('info', 'failover auth granted again (same epoch, same candidate)', {
        candidateId: candidate.id,
        epoch: draft.currentEpoch.toString(),
      });
      return { ...draft.finish(), granted: true, repeated: true, masterId: given[0] };
    }
    return deny(VOTE_DENIALS.alreadyVoted, `already voted for epoch ${draft.currentEpoch}`);
  }
  if (isMaster(candidate) || !isReplica(candidate)) {
    return deny(VOTE_DENIALS.candidateIsMaster, 'it is a master node');
  }
  const master = candidate.masterId === null ? undefined : draft.get(candidate.masterId);
  if (master === undefined) return deny(VOTE_DENIALS.masterUnknown, "I don't know its master");
  if (request.failedMasterId !== undefined && request.failedMasterId !== master.id) {
    return deny(VOTE_DENIALS.masterMismatch, `it replicates ${master.id}, not ${request.failedMasterId}`);
  }
  if (!isFailed(master) && !request.forceAck) return deny(VOTE_DENIALS.masterUp, 'its master is up');

  const previous = draft.failoverVotes.get(master.id);
  const interval = draft.options.nodeTimeout * VOTE_INTERVAL_MULT;
  if (previous !== undefined && previous.candidateId !== candidate.id && draft.now - previous.at < interval) {
    return deny(
      VOTE_DENIALS.votedRecently,
      `can't vote about this master before ${interval - (draft.now - previous.at)} milliseconds`,
    );
  }

  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (((request.claimedSlots[slot >> 3] as number) & (1 << (slot & 7))) === 0) continue;
    const ownerId = draft.owner(slot);
    if (ownerId === null) continue;
    const owner = draft.require(ownerId);
    if (owner.configEpoch <= request.claimConfigEpoch) continue;
    return deny(
      VOTE_DENIALS.staleClaim,
      `slot ${slot} epoch (${owner.configEpoch}) > reqEpoch (${request.claimConfigEpoch})`,
    );
  }

  draft.lastVoteEpoch = draft.currentEpoch;
  draft.failoverVotes.set(master.id, { at: draft.now, candidateId: candidate.id, epoch: draft.currentEpoch });
  // The vote epoch must be on disk before the vote leaves this node.
  draft.saveConfig(true);
  draft.log('info', 'failover auth granted', {
    candidateId: candidate.id,
    masterId: master.id,
    epoch: draft.currentEpoch.toString(),
  });
  draft.event('vote-granted', candidate.id, {
    epoch: draft.currentEpoch.toString(),
    masterId: master.id,
    forced: request.forceAck,
  });
  return { ...draft.finish(), granted: true, repeated: false, masterId: master.id };
}
