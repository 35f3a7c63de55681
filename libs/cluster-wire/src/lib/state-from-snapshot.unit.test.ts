// stateFromSnapshot: neutral values for what a snapshot does not carry, shard ids filled from masters, and a
// WireError naming the field for every inconsistent or malformed snapshot, whatever the bytes.
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterState } from '@tessera/cluster-model';
import { ClusterState as ProtoClusterState, TopologySnapshot, type TopologyNode } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { id, NOW, SIX_NODES, stateOf, withNode } from '../testing/cluster-fixtures.js';
import { WireError } from './errors.js';
import { stateFromSnapshot } from './state-from-snapshot.js';
import { topologySnapshot } from './topology-snapshot.js';

const META = { agentInstanceId: '0123456789abcdef', version: 1n, builtAtMs: NOW };

function source(): ClusterState {
  const state = stateOf(SIX_NODES, {}, 5n);
  return withNode(state, id('e'), { failureReports: new Map([[id('a'), NOW - 10]]) });
}

/** A fresh decoded snapshot of the six-node state, to edit. */
function snapshot(): TopologySnapshot {
  return TopologySnapshot.decode(TopologySnapshot.encode(topologySnapshot(source(), META)).finish());
}

function node(snap: TopologySnapshot, index: number): TopologyNode {
  return snap.nodes[index] as TopologyNode;
}

function refusal(snap: TopologySnapshot): string {
  try {
    stateFromSnapshot(snap, DEFAULT_CLUSTER_OPTIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    expect((error as WireError).code).toBe('RC_ERR_WIRE_INVALID');
    return (error as WireError).message;
  }
  throw new Error('expected a WireError');
}

describe('stateFromSnapshot', () => {
  it('fills what a snapshot does not carry with neutral values', () => {
    const state = stateFromSnapshot(snapshot(), { ...DEFAULT_CLUSTER_OPTIONS, nodeTimeout: 5000 });
    expect(state).toMatchObject({
      options: { nodeTimeout: 5000 },
      lastVoteEpoch: 0n,
      blacklist: new Map(),
      minoritySince: 0,
      firstEvaluationAt: 0,
    });
    const e = state.nodes.get(id('e'));
    expect(e).toMatchObject({
      meetPending: false,
      failTime: 0,
      createdAt: 0,
      linkSince: 0,
      dataReceived: NOW - 20000,
      pongReceived: NOW - 20000,
    });
    expect(state.nodes.get(id('a'))?.flags).toEqual(['myself', 'master']);
  });

  it('reads an unspecified or unknown cluster state as fail', () => {
    for (const value of [ProtoClusterState.CLUSTER_STATE_UNSPECIFIED, 7 as ProtoClusterState]) {
      const snap = { ...snapshot(), state: value };
      expect(stateFromSnapshot(snap, DEFAULT_CLUSTER_OPTIONS).health).toBe('fail');
    }
    const ok = { ...snapshot(), state: ProtoClusterState.CLUSTER_STATE_OK };
    expect(stateFromSnapshot(ok, DEFAULT_CLUSTER_OPTIONS).health).toBe('ok');
  });

  it("gives a node without a shard id its master's, or its own id when it is a master", () => {
    const snap = snapshot();
    node(snap, 1).shardId = ''; // b, a master
    node(snap, 4).shardId = ''; // e, replica of b
    const state = stateFromSnapshot(snap, DEFAULT_CLUSTER_OPTIONS);
    expect(state.nodes.get(id('b'))?.shardId).toBe(id('b'));
    expect(state.nodes.get(id('e'))?.shardId).toBe(id('b'));
  });

  it('counts only masters with slots in size', () => {
    const snap = snapshot();
    node(snap, 2).slots = undefined; // c serves nothing now
    node(snap, 5).masterId = undefined; // f keeps its replica flag but names no master
    const state = stateFromSnapshot(snap, DEFAULT_CLUSTER_OPTIONS);
    expect(state.size).toBe(2);
    expect(state.slotOwners[16383]).toBeNull();
  });
});

describe('stateFromSnapshot refuses inconsistent snapshots with a WireError', () => {
  it('refuses a snapshot whose myself is not among the nodes', () => {
    expect(refusal({ ...snapshot(), myselfId: { value: id('9') } })).toBe(
      `TopologySnapshot.myself_id ${id('9')} is not among the nodes`,
    );
    expect(refusal({ ...snapshot(), myselfId: undefined })).toBe('TopologySnapshot.myself_id is missing');
  });

  it('refuses a node listed twice', () => {
    const snap = snapshot();
    snap.nodes.push({ ...node(snap, 3) });
    expect(refusal(snap)).toBe(`TopologySnapshot.nodes[6].id ${id('d')} appears twice`);
  });

  it('refuses two nodes claiming one slot', () => {
    const snap = snapshot();
    node(snap, 3).slots = { encoding: { $case: 'ranges', value: { ranges: [{ start: 0, end: 0 }] } } };
    expect(refusal(snap)).toBe(`TopologySnapshot.nodes[3] claims slot 0, already served by ${id('a')}`);
  });

  it('refuses a node id that is not 40 lowercase hex', () => {
    const snap = snapshot();
    node(snap, 2).id = { value: 'c'.repeat(39) };
    expect(refusal(snap)).toMatch(/^TopologySnapshot\.nodes\[2\]\.id must be 40 lowercase hex characters/);
  });

  it('refuses a replica of a node that is not in the snapshot', () => {
    const snap = snapshot();
    node(snap, 3).masterId = { value: id('9') };
    expect(refusal(snap)).toBe(
      `TopologySnapshot: node ${id('d')} replicates ${id('9')}, which is not among the nodes`,
    );
  });

  it('refuses a failure report from a node that is not in the snapshot, or twice from one', () => {
    const snap = snapshot();
    node(snap, 4).failureReports.push({ reporter: { value: id('9') }, reportedAtMs: 1n });
    expect(refusal(snap)).toMatch(/comes from 9{40}, which is not among the nodes$/);
    const twice = snapshot();
    twice.nodes[4]?.failureReports.push({ reporter: { value: id('a') }, reportedAtMs: 1n });
    expect(refusal(twice)).toBe(
      `TopologySnapshot.nodes[4].failure_reports[1].reporter ${id('a')} appears twice`,
    );
  });

  it('refuses migrations to unknown nodes, slots above 16383 and a slot listed twice', () => {
    const unknownPeer = { ...snapshot(), migrating: [{ slot: 1, nodeId: { value: id('9') } }] };
    expect(refusal(unknownPeer)).toBe(
      `TopologySnapshot.migrating[0].node_id ${id('9')} is not among the nodes`,
    );
    const badSlot = { ...snapshot(), importing: [{ slot: 16384, nodeId: { value: id('b') } }] };
    expect(refusal(badSlot)).toBe('TopologySnapshot.importing[0].slot must be in 0..16383, got 16384');
    const twice = {
      ...snapshot(),
      migrating: [
        { slot: 1, nodeId: { value: id('b') } },
        { slot: 1, nodeId: { value: id('c') } },
      ],
    };
    expect(refusal(twice)).toBe('TopologySnapshot.migrating[1].slot 1 appears twice');
  });

  it('refuses an address that is not an IP, a hostname Redis would not announce, and a port above 65535', () => {
    const badIp = snapshot();
    node(badIp, 1).address = { ip: 'not-an-ip', port: 1, busPort: 2, hostname: '' };
    expect(refusal(badIp)).toBe(
      'TopologySnapshot.nodes[1].address.ip must be empty or an IP address, got "not-an-ip"',
    );
    const badHost = snapshot();
    node(badHost, 1).address = { ip: '10.0.0.2', port: 1, busPort: 2, hostname: 'a b' };
    expect(refusal(badHost)).toMatch(/^TopologySnapshot\.nodes\[1\]\.address\.hostname may only hold/);
    const badPort = snapshot();
    node(badPort, 1).address = { ip: '10.0.0.2', port: 1, busPort: 65_536, hostname: '' };
    expect(refusal(badPort)).toBe(
      'TopologySnapshot.nodes[1].address.bus_port must be a port in 0..65535, got 65536',
    );
  });

  it('refuses a time above 2^53-1 ms and a bitmap of 2047 bytes', () => {
    const late = snapshot();
    node(late, 1).pingSentMs = 2n ** 64n - 1n;
    expect(refusal(late)).toMatch(
      /^TopologySnapshot\.nodes\[1\]\.ping_sent_ms must be a uint64 of milliseconds/,
    );
    const short = snapshot();
    node(short, 1).slots = { encoding: { $case: 'bitmap', value: Buffer.alloc(2047) } };
    expect(refusal(short)).toBe(
      'TopologySnapshot.nodes[1].slots.bitmap must be exactly 2048 bytes (16384 bits), got 2047 bytes',
    );
  });
});

describe('stateFromSnapshot on garbage', () => {
  function onlyWireErrors(bytes: Uint8Array): void {
    let snap: TopologySnapshot;
    try {
      snap = TopologySnapshot.decode(bytes);
    } catch {
      return;
    }
    try {
      stateFromSnapshot(snap, DEFAULT_CLUSTER_OPTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(WireError);
    }
  }

  test.prop([fc.uint8Array({ maxLength: 600 })], { numRuns: 300 })(
    'random bytes either give a state or a WireError',
    (bytes) => onlyWireErrors(bytes),
  );

  const valid = TopologySnapshot.encode(topologySnapshot(source(), META)).finish();
  test.prop(
    [
      fc.array(
        fc.record({ at: fc.nat({ max: valid.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
        { minLength: 1, maxLength: 8 },
      ),
    ],
    { numRuns: 500 },
  )('a valid snapshot with bytes changed either gives a state or a WireError', (changes) => {
    const bytes = valid.slice();
    for (const { at, value } of changes) bytes[at] = value;
    onlyWireErrors(bytes);
  });
});
