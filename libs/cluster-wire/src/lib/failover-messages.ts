// Failover messages between the model and the wire: the bus's FAILOVER_AUTH_REQUEST (a replica asks for a
// vote: its Header is the claim) and the failover.proto calls a coordinator makes (RequestVote on behalf of a
// replica, TakeOver), plus an agent's GetFailoverView back into the model's AgentView for the coordinator's
// policy. Every id, epoch and slot set is checked; anything malformed is a WireError naming the field.
// Pure: no I/O.
import type {
  AgentView,
  ClusterOptions,
  ClusterState,
  NodeId,
  PingMessage,
  ReplicaLinkFacts,
  VoteRequest,
} from '@tessera/cluster-model';
import type {
  FailoverAuthRequest,
  GetFailoverViewResponse,
  RequestVoteRequest,
  TakeOverRequest,
} from '@tessera/proto';
import { converting, WireError } from './errors.js';
import { decodeHeader, encodeHeader, type HeaderExtra } from './header.js';
import { bitmapFromSlotSet, slotSetFromBitmap } from './slot-set.js';
import { stateFromSnapshot } from './state-from-snapshot.js';
import {
  msFromUint64,
  nodeIdFromProto,
  nodeIdToProto,
  uint64FromProto,
  uint64ToProto,
} from './wire-scalars.js';

/**
 * A FAILOVER_AUTH_REQUEST from `sender` (a replica's config as buildPingMessage makes it) for `epoch`: the
 * Header carries the election epoch as currentEpoch and the claim (its master's configEpoch and slots).
 */
export function encodeFailoverAuthRequest(
  sender: Omit<PingMessage, 'type' | 'gossip' | 'forgotten'>,
  epoch: bigint,
  forceAck: boolean,
  extra: HeaderExtra,
): FailoverAuthRequest {
  return { header: encodeHeader({ ...sender, currentEpoch: epoch }, extra), forceAck };
}

/** The vote request a FAILOVER_AUTH_REQUEST makes: candidate = sender, epoch = its currentEpoch. */
export function decodeFailoverAuthRequest(proto: FailoverAuthRequest, peerIp?: string): VoteRequest {
  return converting('reading a FailoverAuthRequest', () => {
    const header = decodeHeader(proto.header, 'FailoverAuthRequest', peerIp);
    return {
      candidateId: header.sender,
      epoch: header.currentEpoch,
      claimConfigEpoch: header.configEpoch,
      claimedSlots: header.slots,
      forceAck: proto.forceAck === true,
    };
  });
}

/** A coordinator's RequestVote for `request` (failedMasterId required). */
export function encodeRequestVote(
  request: VoteRequest & { readonly failedMasterId: NodeId },
  coordinatorId: string,
): RequestVoteRequest {
  return {
    candidateId: nodeIdToProto(request.candidateId),
    failedMasterId: nodeIdToProto(request.failedMasterId),
    epoch: uint64ToProto(request.epoch, 'epoch'),
    claimConfigEpoch: uint64ToProto(request.claimConfigEpoch, 'claimConfigEpoch'),
    claimedSlots: slotSetFromBitmap(request.claimedSlots),
    forceAck: request.forceAck,
    coordinatorId,
  };
}

/** The model's vote request from a RequestVote call. */
export function decodeRequestVote(
  proto: RequestVoteRequest,
): VoteRequest & { readonly failedMasterId: NodeId } {
  return converting('reading a RequestVoteRequest', () => ({
    candidateId: nodeIdFromProto(proto.candidateId, 'RequestVoteRequest.candidate_id'),
    failedMasterId: nodeIdFromProto(proto.failedMasterId, 'RequestVoteRequest.failed_master_id'),
    epoch: uint64FromProto(proto.epoch, 'RequestVoteRequest.epoch'),
    claimConfigEpoch: uint64FromProto(proto.claimConfigEpoch, 'RequestVoteRequest.claim_config_epoch'),
    claimedSlots: bitmapFromSlotSet(proto.claimedSlots, 'RequestVoteRequest.claimed_slots'),
    forceAck: proto.forceAck === true,
  }));
}

/** The promotion a TakeOver call orders. */
export function decodeTakeOver(proto: TakeOverRequest): { failedMasterId: NodeId; configEpoch: bigint } {
  return converting('reading a TakeOverRequest', () => {
    const configEpoch = uint64FromProto(proto.configEpoch, 'TakeOverRequest.config_epoch');
    if (configEpoch === 0n) throw new WireError('TakeOverRequest.config_epoch must be above 0');
    return {
      failedMasterId: nodeIdFromProto(proto.failedMasterId, 'TakeOverRequest.failed_master_id'),
      configEpoch,
    };
  });
}

/**
 * An agent's GetFailoverView answer as the model's AgentView (its state, its data-node's facts). The state's
 * options are `base` with the agent's node-timeout and cluster-replica-validity-factor.
 */
export function agentViewFromProto(proto: GetFailoverViewResponse, base: ClusterOptions): AgentView {
  return converting('reading a GetFailoverViewResponse', () => {
    if (proto.topology === undefined) throw new WireError('GetFailoverViewResponse.topology is missing');
    const options: ClusterOptions = {
      ...base,
      nodeTimeout: proto.nodeTimeoutMs > 0 ? proto.nodeTimeoutMs : base.nodeTimeout,
      replicaValidityFactor: proto.replicaValidityFactor,
    };
    const state: ClusterState = {
      ...stateFromSnapshot(proto.topology, options),
      lastVoteEpoch: uint64FromProto(proto.lastVoteEpoch, 'GetFailoverViewResponse.last_vote_epoch'),
    };
    const link: ReplicaLinkFacts = {
      masterLinkUp: proto.replicaLink?.masterLinkUp === true,
      masterLinkDownSinceMs: msFromUint64(
        proto.replicaLink?.masterLinkDownSinceMs ?? 0n,
        'GetFailoverViewResponse.replica_link.master_link_down_since_ms',
      ),
    };
    return { state, link, dataNodeAlive: proto.dataNodeAlive === true };
  });
}
