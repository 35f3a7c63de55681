// Failover messages: a replica's FAILOVER_AUTH_REQUEST carries its claim in its Header and becomes the
// model's vote request; a coordinator's RequestVote and TakeOver round-trip through bytes; an agent's
// GetFailoverView becomes an AgentView; malformed fields are WireErrors naming them.
import {
  buildPingMessage,
  DEFAULT_CLUSTER_OPTIONS,
  grantFailoverVote,
  type VoteRequest,
} from '@tessera/cluster-model';
import {
  FailoverAuthRequest,
  GetFailoverViewResponse,
  RequestVoteRequest,
  TakeOverRequest,
} from '@tessera/proto';
import { createSlotBitmap } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { fixedEnv, id, NOW, sixNodesSeenBy, stateOf } from '../testing/cluster-fixtures.js';
import { WireError } from './errors.js';
import {
  agentViewFromProto,
  decodeFailoverAuthRequest,
  decodeRequestVote,
  decodeTakeOver,
  encodeFailoverAuthRequest,
  encodeRequestVote,
} from './failover-messages.js';
import { topologySnapshot } from './topology-snapshot.js';

function bytes<T>(codec: { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T }, m: T): T {
  return codec.decode(codec.encode(m).finish());
}

describe('failover messages', () => {
  it("turns a replica's FAILOVER_AUTH_REQUEST into the vote request its master's claim makes", () => {
    // f replicates c (10923-16383, configEpoch 3) in SIX_NODES.
    const replica = stateOf(sixNodesSeenBy('f'), {}, 7n);
    const sender = buildPingMessage(replica, 'ping', fixedEnv());
    const proto = bytes(FailoverAuthRequest, encodeFailoverAuthRequest(sender, 8n, true, { health: 'ok' }));
    const request = decodeFailoverAuthRequest(proto, '10.0.0.6');
    expect(request).toMatchObject({ candidateId: id('f'), epoch: 8n, claimConfigEpoch: 3n, forceAck: true });
    expect(request.claimedSlots).toEqual(replica.nodes.get(id('c'))?.slots);
    // A master applying it: c is not FAIL in a's view, but the ack is forced (manual failover).
    const master = stateOf(sixNodesSeenBy('a'), {}, 7n);
    expect(grantFailoverVote(master, request, fixedEnv()).granted).toBe(true);
  });

  it('round-trips a RequestVote and refuses a malformed one', () => {
    const request: VoteRequest & { failedMasterId: string } = {
      candidateId: id('f'),
      failedMasterId: id('c'),
      epoch: 2n ** 63n,
      claimConfigEpoch: 3n,
      claimedSlots: createSlotBitmap().fill(0xff),
      forceAck: false,
    };
    const proto = bytes(RequestVoteRequest, encodeRequestVote(request, 'coord-1'));
    expect(proto.coordinatorId).toBe('coord-1');
    expect(decodeRequestVote(proto)).toEqual(request);
    expect(() => decodeRequestVote({ ...proto, candidateId: { value: 'F'.repeat(40) } })).toThrow(WireError);
    expect(() => decodeRequestVote({ ...proto, failedMasterId: undefined })).toThrow(
      /RequestVoteRequest.failed_master_id is missing/,
    );
  });

  it('reads a TakeOver and refuses configEpoch 0', () => {
    const proto = bytes(TakeOverRequest, {
      failedMasterId: { value: id('c') },
      configEpoch: 9n,
      votes: 2,
      needed: 2,
      coordinatorId: 'x',
    });
    expect(decodeTakeOver(proto)).toEqual({ failedMasterId: id('c'), configEpoch: 9n });
    expect(() => decodeTakeOver({ ...proto, configEpoch: 0n })).toThrow(/config_epoch must be above 0/);
  });

  it("rebuilds an agent's view: its state, last vote epoch and its data-node's link", () => {
    const state = stateOf(sixNodesSeenBy('d'), {}, 5n);
    const proto = bytes(GetFailoverViewResponse, {
      topology: topologySnapshot(state, { agentInstanceId: 'abcdef0123456789', version: 3n, builtAtMs: NOW }),
      replicaLink: { masterLinkUp: false, masterLinkDownSinceMs: BigInt(NOW - 1000) },
      dataNodeAlive: true,
      nodeTimeoutMs: 1000,
      lastVoteEpoch: 4n,
      replicaValidityFactor: 0,
    });
    const view = agentViewFromProto(proto, DEFAULT_CLUSTER_OPTIONS);
    expect(view.state.myselfId).toBe(id('d'));
    expect(view.state.currentEpoch).toBe(5n);
    expect(view.state.lastVoteEpoch).toBe(4n);
    expect(view.state.options).toMatchObject({ nodeTimeout: 1000, replicaValidityFactor: 0 });
    expect(view.link).toEqual({ masterLinkUp: false, masterLinkDownSinceMs: NOW - 1000 });
    expect(view.dataNodeAlive).toBe(true);
    expect(() => agentViewFromProto({ ...proto, topology: undefined }, DEFAULT_CLUSTER_OPTIONS)).toThrow(
      WireError,
    );
  });
});
