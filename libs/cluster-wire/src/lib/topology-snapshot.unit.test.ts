// TopologySnapshot: what the agent pushes carries every node, migration, epoch and the health, and the
// data-node's stateFromSnapshot rebuilds from the bytes a state equal to the agent's (on what a snapshot
// carries) that renders CLUSTER NODES/SLOTS/SHARDS identically.
import { test } from '@fast-check/vitest';
import {
  renderClusterNodes,
  renderClusterShards,
  renderClusterSlots,
  type ClusterState,
} from '@tessera/cluster-model';
import { ClusterState as ProtoClusterState, NodeFlag, TopologySnapshot } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { arbitraryClusterState, expectedAfterSnapshot } from '../testing/arbitrary-state.js';
import { id, NOW, SIX_NODES, stateOf, withNode } from '../testing/cluster-fixtures.js';
import { stateFromSnapshot } from './state-from-snapshot.js';
import { topologySnapshot, type SnapshotMeta } from './topology-snapshot.js';

const META: SnapshotMeta = {
  agentInstanceId: '0123456789abcdef',
  version: 7n,
  builtAtMs: NOW,
  busStats: [{ type: 'ping', sent: 10n, received: 9n }],
};

/** The six-node state of `a` with what CLUSTER NODES cannot say: failure reports, offsets, health ok. */
function agentState(): ClusterState {
  let state = stateOf(SIX_NODES, {}, 2n ** 60n);
  state = withNode(state, id('e'), {
    failureReports: new Map([
      [id('a'), NOW - 10],
      [id('c'), NOW - 20],
    ]),
    replicationOffset: 1234n,
  });
  state = withNode(state, id('a'), { replicationOffset: 2n ** 63n });
  return { ...state, health: 'ok' };
}

function throughBytes(snapshot: TopologySnapshot): TopologySnapshot {
  return TopologySnapshot.decode(TopologySnapshot.encode(snapshot).finish());
}

function rebuilt(state: ClusterState): ClusterState {
  return stateFromSnapshot(throughBytes(topologySnapshot(state, META)), state.options);
}

describe('topologySnapshot -> bytes -> stateFromSnapshot', () => {
  it('gives back the same nodes in order, slot owners, epochs, migrations and health', () => {
    const source = agentState();
    const state = rebuilt(source);
    expect(state).toEqual(expectedAfterSnapshot(source));
    expect([...state.nodes.keys()]).toEqual([...source.nodes.keys()]);
    expect(state.slotOwners).toEqual(source.slotOwners);
    expect(state).toMatchObject({ currentEpoch: 2n ** 60n, health: 'ok', size: 3 });
    expect([...state.migratingTo]).toEqual([[100, id('c')]]);
    expect([...state.importingFrom]).toEqual([[5461, id('b')]]);
    expect(state.nodes.get(id('e'))?.failureReports).toEqual(source.nodes.get(id('e'))?.failureReports);
  });

  test.prop([arbitraryClusterState()], { numRuns: 150 })(
    'gives back any consistent state, on what a snapshot carries',
    (source) => {
      const state = rebuilt(source);
      expect(state).toEqual(expectedAfterSnapshot(source));
      expect([...state.nodes.keys()]).toEqual([...source.nodes.keys()]);
    },
  );

  it('lets the data-node render CLUSTER NODES, SLOTS and SHARDS exactly as the agent would', () => {
    const source = agentState();
    const state = rebuilt(source);
    expect(renderClusterNodes(state)).toBe(renderClusterNodes(source));
    expect(renderClusterSlots(state)).toEqual(renderClusterSlots(source));
    expect(renderClusterShards(state)).toEqual(renderClusterShards(source));
  });
});

describe('topologySnapshot', () => {
  it('carries the metadata, currentEpoch, health and myself id', () => {
    const snapshot = topologySnapshot(agentState(), META);
    expect(snapshot).toMatchObject({
      agentInstanceId: '0123456789abcdef',
      version: 7n,
      builtAtMs: BigInt(NOW),
      busStats: [{ type: 'ping', sent: 10n, received: 9n }],
      myselfId: { value: id('a') },
      currentEpoch: 2n ** 60n,
      state: ProtoClusterState.CLUSTER_STATE_OK,
    });
    expect(
      topologySnapshot({ ...agentState(), health: 'fail' }, { ...META, busStats: undefined }),
    ).toMatchObject({
      state: ProtoClusterState.CLUSTER_STATE_FAIL,
      busStats: [],
    });
  });

  it('lists every node in state order with its own fields, myself connected and without a myself flag', () => {
    const snapshot = topologySnapshot(agentState(), META);
    expect(snapshot.nodes.map((node) => node.id?.value)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map(id));
    const [a, , , d, e, f] = snapshot.nodes;
    expect(a).toMatchObject({
      flags: [NodeFlag.NODE_FLAG_MASTER],
      masterId: undefined,
      address: { ip: '10.0.0.1', port: 7000, busPort: 17000, hostname: 'node-a' },
      linkConnected: true,
      configEpoch: 1n,
      replicationOffset: 2n ** 63n,
      shardId: agentState().nodes.get(id('a'))?.shardId,
    });
    expect(d).toMatchObject({
      masterId: { value: id('a') },
      configEpoch: 0n,
      slots: { encoding: { $case: 'ranges' } },
    });
    expect(e).toMatchObject({
      flags: [NodeFlag.NODE_FLAG_REPLICA, NodeFlag.NODE_FLAG_PFAIL],
      pingSentMs: BigInt(NOW - 9000),
      pongReceivedMs: BigInt(NOW - 20000),
      failureReports: [
        { reporter: { value: id('a') }, reportedAtMs: BigInt(NOW - 10) },
        { reporter: { value: id('c') }, reportedAtMs: BigInt(NOW - 20) },
      ],
    });
    expect(f).toMatchObject({
      flags: [NodeFlag.NODE_FLAG_REPLICA, NodeFlag.NODE_FLAG_FAIL],
      linkConnected: false,
    });
  });

  it('lists migrating and importing slots by slot ascending', () => {
    const state: ClusterState = {
      ...agentState(),
      migratingTo: new Map([
        [300, id('b')],
        [100, id('c')],
        [200, id('b')],
      ]),
    };
    expect(topologySnapshot(state, META).migrating).toEqual([
      { slot: 100, nodeId: { value: id('c') } },
      { slot: 200, nodeId: { value: id('b') } },
      { slot: 300, nodeId: { value: id('b') } },
    ]);
    expect(topologySnapshot(state, META).importing).toEqual([{ slot: 5461, nodeId: { value: id('b') } }]);
  });

  it('refuses a build time that is not a non-negative integer', () => {
    expect(() => topologySnapshot(agentState(), { ...META, builtAtMs: -1 })).toThrow(
      'builtAtMs must be a non-negative integer of milliseconds, got -1',
    );
  });
});
