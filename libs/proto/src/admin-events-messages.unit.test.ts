import { describe, expect, it } from 'vitest';
import {
  BUS_MESSAGE_TYPES,
  ClusterEvent,
  ClusterEventKind,
  ClusterState,
  GetBusStatsResponse,
  GetNodeRequest,
  GetNodeResponse,
  GetTopologyResponse,
  NodeFlag,
  clusterEventKindFromJSON,
  clusterEventKindToJSON,
  type BusMessageType,
  type MessageFns,
} from './index.js';
import { ABOVE_2_53, allSlots, nodeId, nodeIdText } from './testing/fixtures.js';

function roundTrip<T>(codec: MessageFns<T>, message: T): T {
  return codec.decode(codec.encode(message).finish());
}

describe('AgentAdminService messages', () => {
  it('round-trips a topology and one node with its failure-report count', () => {
    const node = {
      id: nodeId(0),
      address: { ip: '10.0.0.1', port: 7000, busPort: 17000, hostname: 'node-0' },
      flags: [NodeFlag.NODE_FLAG_MASTER, NodeFlag.NODE_FLAG_PFAIL],
      configEpoch: ABOVE_2_53,
      pingSentMs: 1_767_225_600_000n,
      pongReceivedMs: 1_767_225_580_000n,
      linkConnected: false,
      slots: allSlots(),
      shardId: nodeIdText(7),
      humanNodename: 'rack-a/node-0',
      replicationOffset: ABOVE_2_53 * 2n,
      failureReports: [],
    };
    const topology: GetTopologyResponse = {
      topology: {
        agentInstanceId: 'c0ffee00c0ffee00',
        version: 1n,
        myselfId: nodeId(0),
        currentEpoch: ABOVE_2_53,
        state: ClusterState.CLUSTER_STATE_FAIL,
        nodes: [node],
        busStats: [],
        migrating: [],
        importing: [],
        builtAtMs: 1_767_225_600_001n,
      },
    };
    expect(roundTrip(GetTopologyResponse, topology)).toEqual(topology);
    expect(roundTrip(GetNodeRequest, { nodeId: nodeId(0) })).toEqual({ nodeId: nodeId(0) });
    const answer: GetNodeResponse = { node, failureReports: 2 };
    expect(roundTrip(GetNodeResponse, answer)).toEqual(answer);
  });

  it('round-trips bus counters for every Redis message type and the rejected-call map', () => {
    const types = Object.keys(BUS_MESSAGE_TYPES) as BusMessageType[];
    const stats: GetBusStatsResponse = {
      counters: types.map((type, i) => ({ type, sent: BigInt(i) * ABOVE_2_53, received: BigInt(i * 3) })),
      rejected: { unauthenticated: 12n, 'resource-exhausted': 1n },
    };
    const decoded = roundTrip(GetBusStatsResponse, stats);
    expect(decoded).toEqual(stats);
    expect(decoded.counters.map((counter) => counter.type)).toEqual([
      'ping',
      'pong',
      'meet',
      'fail',
      'publish',
      'auth-req',
      'auth-ack',
      'update',
      'mfstart',
      'module',
      'publishshard',
    ]);
  });
});

describe('tessera.events.v1 ClusterEvent', () => {
  it('round-trips a failover-won event with epochs above 2^53', () => {
    const event: ClusterEvent = {
      timestampMs: 1_767_225_600_777n,
      reporterId: nodeId(3),
      subjectId: nodeId(0),
      kind: ClusterEventKind.CLUSTER_EVENT_KIND_FAILOVER_WON,
      sequence: 18n,
      currentEpoch: ABOVE_2_53 + 1n,
      configEpoch: ABOVE_2_53 + 1n,
      details: 'won 2/3 votes; slots 0-5460 taken from 0000000007c37dfeb235213a872192d90877d0cd',
      reporterInstanceId: '0123456789abcdef',
    };
    expect(roundTrip(ClusterEvent, event)).toEqual(event);
  });

  it('names every event kind in JSON and gives an unknown kind UNRECOGNIZED', () => {
    const kinds = Object.values(ClusterEventKind).filter((kind) => kind !== ClusterEventKind.UNRECOGNIZED);
    for (const kind of kinds) expect(clusterEventKindFromJSON(clusterEventKindToJSON(kind))).toBe(kind);
    expect(clusterEventKindToJSON(ClusterEventKind.CLUSTER_EVENT_KIND_PFAIL)).toBe(
      'CLUSTER_EVENT_KIND_PFAIL',
    );
    expect(clusterEventKindFromJSON('CLUSTER_EVENT_KIND_REBOOTED')).toBe(ClusterEventKind.UNRECOGNIZED);
  });
});
