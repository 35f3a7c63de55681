import { describe, expect, it } from 'vitest';
import {
  AttachRequest,
  AttachResponse,
  ClusterCommandRequest,
  ClusterCommandResponse,
  ClusterState,
  DataNodeHealth,
  NodeFlag,
  NodeRole,
  TopologySnapshot,
  type MessageFns,
  type TopologyNode,
} from './index.js';
import { ABOVE_2_53, allSlots, nodeId, nodeIdText } from './testing/fixtures.js';

function roundTrip<T>(codec: MessageFns<T>, message: T): T {
  return codec.decode(codec.encode(message).finish());
}

const THIRDS = [
  [0, 5460],
  [5461, 10922],
  [10923, 16383],
] as const;

/** Three masters with a third of the slots each and one replica each, as redis-cli --cluster create makes. */
function sixNodeTopology(): TopologySnapshot {
  const nodes: TopologyNode[] = [];
  THIRDS.forEach(([start, end], i) => {
    nodes.push({
      id: nodeId(i),
      address: { ip: '127.0.0.1', port: 7000 + i, busPort: 17000 + i, hostname: '' },
      flags: [NodeFlag.NODE_FLAG_MASTER],
      configEpoch: BigInt(i + 1),
      pingSentMs: 0n,
      pongReceivedMs: 1_767_225_600_123n,
      linkConnected: true,
      slots: { encoding: { $case: 'ranges', value: { ranges: [{ start, end }] } } },
      shardId: nodeIdText(100 + i),
      humanNodename: '',
      replicationOffset: ABOVE_2_53 + BigInt(i),
      failureReports: [],
    });
    nodes.push({
      id: nodeId(3 + i),
      address: { ip: '127.0.0.1', port: 7003 + i, busPort: 17003 + i, hostname: `replica-${i}` },
      flags: i === 2 ? [NodeFlag.NODE_FLAG_REPLICA, NodeFlag.NODE_FLAG_PFAIL] : [NodeFlag.NODE_FLAG_REPLICA],
      masterId: nodeId(i),
      configEpoch: 0n,
      pingSentMs: i === 2 ? 1_767_225_590_000n : 0n,
      pongReceivedMs: 1_767_225_580_000n,
      linkConnected: i !== 2,
      slots: { encoding: { $case: 'ranges', value: { ranges: [] } } },
      shardId: nodeIdText(100 + i),
      humanNodename: '',
      replicationOffset: ABOVE_2_53,
      failureReports: [],
    });
  });
  return {
    agentInstanceId: '5f3a9c0d11e2b7a4',
    version: 42n,
    myselfId: nodeId(0),
    currentEpoch: ABOVE_2_53 + 6n,
    state: ClusterState.CLUSTER_STATE_OK,
    nodes,
    migrating: [{ slot: 5460, nodeId: nodeId(1) }],
    importing: [{ slot: 16383, nodeId: nodeId(2) }],
    builtAtMs: 1_767_225_600_500n,
    busStats: [],
  };
}

describe('NodeAgentService messages', () => {
  it('round-trips a six-node topology snapshot with migrating and importing slots of myself', () => {
    const snapshot = sixNodeTopology();
    const decoded = roundTrip(TopologySnapshot, snapshot);
    expect(decoded).toEqual(snapshot);
    expect(decoded.nodes.filter((node) => node.masterId === undefined)).toHaveLength(3);
  });

  it('round-trips a snapshot in which myself serves all 16384 slots as a bitmap', () => {
    const snapshot = sixNodeTopology();
    const first = snapshot.nodes[0];
    if (first === undefined) throw new Error('fixture has no node');
    const single: TopologySnapshot = {
      ...snapshot,
      nodes: [{ ...first, slots: allSlots() }],
      migrating: [],
      importing: [],
    };
    expect(roundTrip(TopologySnapshot, single)).toEqual(single);
  });

  it('round-trips every data-node frame of the Attach stream', () => {
    const frames: AttachRequest[] = [
      {
        frame: {
          $case: 'hello',
          value: {
            dataNodeVersion: '0.1.0',
            clientPort: 7000,
            pid: 48213,
            instanceId: '9e0c4b1f2a6d8e73',
            startedAtMs: 1_767_225_600_000n,
          },
        },
      },
      {
        frame: {
          $case: 'heartbeat',
          value: {
            role: NodeRole.NODE_ROLE_REPLICA,
            replicationOffset: ABOVE_2_53 + 17n,
            health: DataNodeHealth.DATA_NODE_HEALTH_SYNCING,
            keyCount: 1_000_000n,
            loading: true,
            masterLinkUp: false,
            masterLinkDownSinceMs: 1_767_225_599_000n,
            writesPaused: false,
            sentAtMs: 1_767_225_600_100n,
          },
        },
      },
      { frame: { $case: 'applied', value: { agentInstanceId: '5f3a9c0d11e2b7a4', version: 42n } } },
      {
        frame: {
          $case: 'adminResult',
          value: { requestId: 7n, outcome: { $case: 'done', value: { replicationOffset: ABOVE_2_53 } } },
        },
      },
      {
        frame: {
          $case: 'adminResult',
          value: { requestId: 8n, outcome: { $case: 'error', value: 'writes already paused' } },
        },
      },
      {
        frame: {
          $case: 'publish',
          value: {
            sharded: true,
            messages: [{ channel: Buffer.from('{user1000}.events'), message: Buffer.from([0, 1, 2, 255]) }],
          },
        },
      },
    ];
    for (const frame of frames) expect(roundTrip(AttachRequest, frame)).toEqual(frame);
  });

  it('round-trips every agent frame of the Attach stream', () => {
    const frames: AttachResponse[] = [
      { frame: { $case: 'topology', value: sixNodeTopology() } },
      {
        frame: {
          $case: 'adminRequest',
          value: { requestId: 7n, action: { $case: 'pauseWrites', value: { durationMs: 10_000n } } },
        },
      },
      {
        frame: {
          $case: 'adminRequest',
          value: { requestId: 8n, action: { $case: 'resumeWrites', value: {} } },
        },
      },
      {
        frame: { $case: 'adminRequest', value: { requestId: 9n, action: { $case: 'flushData', value: {} } } },
      },
      {
        frame: {
          $case: 'delivery',
          value: {
            sharded: false,
            messages: [{ channel: Buffer.from('news'), message: Buffer.from('hello') }],
          },
        },
      },
    ];
    for (const frame of frames) expect(roundTrip(AttachResponse, frame)).toEqual(frame);
  });

  it('round-trips a forwarded CLUSTER SETSLOT with binary-safe arguments', () => {
    const request: ClusterCommandRequest = {
      args: ['SETSLOT', '5460', 'MIGRATING', nodeIdText(1)].map((arg) => Buffer.from(arg)),
      clientAddress: '127.0.0.1:53122',
    };
    expect(roundTrip(ClusterCommandRequest, request)).toEqual(request);
  });

  it('round-trips a Redis error reply and typed replies with the topology version to wait for', () => {
    const replies: ClusterCommandResponse[] = [
      {
        outcome: { $case: 'error', value: 'ERR Slot 0 is already busy' },
        agentInstanceId: '5f3a9c0d11e2b7a4',
        topologyVersion: 0n,
      },
      {
        outcome: { $case: 'reply', value: { kind: { $case: 'simple', value: 'OK' } } },
        agentInstanceId: '5f3a9c0d11e2b7a4',
        topologyVersion: 43n,
      },
      {
        outcome: { $case: 'reply', value: { kind: { $case: 'integer', value: 2n } } },
        agentInstanceId: 'a',
        topologyVersion: 0n,
      },
      {
        outcome: {
          $case: 'reply',
          value: {
            kind: {
              $case: 'verbatimText',
              value: Buffer.from('cluster_state:ok\r\ncluster_current_epoch:9007199254740999\r\n'),
            },
          },
        },
        agentInstanceId: 'a',
        topologyVersion: 0n,
      },
      {
        outcome: {
          $case: 'reply',
          value: {
            kind: {
              $case: 'array',
              value: {
                values: [
                  {
                    kind: {
                      $case: 'map',
                      value: {
                        entries: [
                          {
                            key: { kind: { $case: 'bulk', value: Buffer.from('direction') } },
                            value: { kind: { $case: 'bulk', value: Buffer.from('to') } },
                          },
                          {
                            key: { kind: { $case: 'bulk', value: Buffer.from('events') } },
                            value: { kind: { $case: 'null', value: {} } },
                          },
                        ],
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        agentInstanceId: 'a',
        topologyVersion: 0n,
      },
    ];
    for (const reply of replies) expect(roundTrip(ClusterCommandResponse, reply)).toEqual(reply);
  });

  it('keeps a negative integer reply exact (int64)', () => {
    const reply: ClusterCommandResponse = {
      outcome: { $case: 'reply', value: { kind: { $case: 'integer', value: -(2n ** 63n) } } },
      agentInstanceId: 'a',
      topologyVersion: 0n,
    };
    expect(roundTrip(ClusterCommandResponse, reply)).toEqual(reply);
  });
});
