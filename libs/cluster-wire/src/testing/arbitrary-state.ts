// Test support: fast-check arbitraries of consistent ClusterStates (as an agent could hold them) for the
// TopologySnapshot round trip, and the state a snapshot round trip is expected to give back (the source with
// the neutral values of the fields a snapshot does not carry). Covers what the snapshot does carry: roles,
// flags, addresses, hostnames, uint64 epochs and offsets, liveness times, links, slots, shard ids, failure
// reports, migrations, health. Not built, not published.
import { fc } from '@fast-check/vitest';
import {
  createNode,
  DEFAULT_CLUSTER_OPTIONS,
  normalizeFlags,
  type ClusterNode,
  type ClusterState,
  type NodeFlag,
  type NodeId,
} from '@tessera/cluster-model';
import { SLOT_BITMAP_BYTES, SLOT_COUNT } from '@tessera/slot';

const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const time = fc.oneof(fc.constant(0), fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }));

const nodeSpec = fc.record({
  id: hex40,
  shardId: hex40,
  ip: fc.constantFrom('', '127.0.0.1', '10.0.0.7', '::1', 'fe80::1', '2001:db8::5'),
  port: fc.integer({ min: 0, max: 65_535 }),
  busPort: fc.integer({ min: 0, max: 65_535 }),
  hostname: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/), { nil: undefined }),
  replicaOf: fc.option(fc.nat(), { nil: null }),
  handshake: fc.boolean(),
  extraFlags: fc.subarray<NodeFlag>(['pfail', 'fail', 'noaddr', 'nofailover']),
  pingSent: time,
  pongReceived: time,
  configEpoch: uint64,
  connected: fc.boolean(),
  replicationOffset: uint64,
  reporters: fc.array(fc.record({ who: fc.nat(), at: time }), { maxLength: 3 }),
  ownsSlots: fc.boolean(),
});

type NodeSpec = typeof nodeSpec extends fc.Arbitrary<infer T> ? T : never;

/** A consistent ClusterState with 1..7 nodes (handshake nodes included). */
export function arbitraryClusterState(): fc.Arbitrary<ClusterState> {
  return fc
    .record({
      specs: fc.uniqueArray(nodeSpec, { minLength: 1, maxLength: 7, selector: (spec) => spec.id }),
      myselfIndex: fc.nat(),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: SLOT_COUNT - 1 }), { maxLength: 40 }),
      migrations: fc.array(
        fc.record({ slot: fc.nat({ max: SLOT_COUNT - 1 }), peer: fc.nat(), out: fc.boolean() }),
        {
          maxLength: 4,
        },
      ),
      currentEpoch: uint64,
      health: fc.constantFrom('ok', 'fail') as fc.Arbitrary<'ok' | 'fail'>,
    })
    .map(buildState);
}

function buildState(draw: {
  specs: NodeSpec[];
  myselfIndex: number;
  cuts: number[];
  migrations: { slot: number; peer: number; out: boolean }[];
  currentEpoch: bigint;
  health: 'ok' | 'fail';
}): ClusterState {
  const { specs } = draw;
  const myselfIndex = draw.myselfIndex % specs.length;
  // Node 0 is a master; a later node may replicate an earlier master; a non-myself master may be in handshake.
  const masterOf: (number | null)[] = [];
  specs.forEach((spec, i) => {
    const candidate = i === 0 || spec.replicaOf === null ? null : spec.replicaOf % i;
    masterOf.push(candidate !== null && masterOf[candidate] === null ? candidate : null);
  });
  const handshake = (i: number): boolean =>
    i !== myselfIndex && masterOf[i] === null && (specs[i] as NodeSpec).handshake && i > 0;
  const slotMasters = specs.map((_, i) => i).filter((i) => masterOf[i] === null && !handshake(i));
  const owners = new Array<NodeId | null>(SLOT_COUNT).fill(null);
  const bounds = [0, ...[...draw.cuts].sort((a, b) => a - b), SLOT_COUNT];
  for (let run = 0; run + 1 < bounds.length; run++) {
    const owner = specs[slotMasters[run % slotMasters.length] as number] as NodeSpec;
    if (!owner.ownsSlots) continue;
    for (let slot = bounds[run] as number; slot < (bounds[run + 1] as number); slot++)
      owners[slot] = owner.id;
  }
  const nodes = new Map<NodeId, ClusterNode>();
  specs.forEach((spec, i) => {
    const master = masterOf[i] === null ? null : (specs[masterOf[i] as number] as NodeSpec);
    const isMyself = i === myselfIndex;
    const role: NodeFlag = handshake(i) ? 'handshake' : master ? 'replica' : 'master';
    const slots = new Uint8Array(SLOT_BITMAP_BYTES);
    let slotCount = 0;
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      if (owners[slot] !== spec.id) continue;
      slots[slot >> 3] = (slots[slot >> 3] as number) | (1 << (slot & 7));
      slotCount++;
    }
    const reporters = spec.reporters.map(
      ({ who, at }) => [(specs[who % specs.length] as NodeSpec).id, at] as const,
    );
    nodes.set(spec.id, {
      ...createNode({
        id: spec.id,
        shardId: master ? master.shardId : spec.shardId,
        createdAt: 0,
        ip: spec.ip,
        port: spec.port,
        busPort: spec.busPort,
        ...(spec.hostname ? { hostname: spec.hostname } : {}),
        flags: normalizeFlags([...(isMyself ? (['myself'] as NodeFlag[]) : []), role, ...spec.extraFlags]),
      }),
      masterId: master ? master.id : null,
      pingSent: spec.pingSent,
      pongReceived: spec.pongReceived,
      configEpoch: master ? 0n : spec.configEpoch,
      link: isMyself || spec.connected ? 'connected' : 'disconnected',
      slots,
      slotCount,
      failureReports: new Map(reporters.filter(([reporter]) => reporter !== spec.id)),
      replicationOffset: spec.replicationOffset,
    });
  });
  const myselfId = (specs[myselfIndex] as NodeSpec).id;
  const peers = specs.filter((spec) => spec.id !== myselfId).map((spec) => spec.id);
  const migratingTo = new Map<number, NodeId>();
  const importingFrom = new Map<number, NodeId>();
  for (const { slot, peer, out } of draw.migrations) {
    if (peers.length === 0) break;
    if (!migratingTo.has(slot) && !importingFrom.has(slot)) {
      (out ? migratingTo : importingFrom).set(slot, peers[peer % peers.length] as NodeId);
    }
  }
  return {
    options: DEFAULT_CLUSTER_OPTIONS,
    myselfId,
    nodes,
    slotOwners: owners,
    currentEpoch: draw.currentEpoch,
    lastVoteEpoch: 0n,
    failoverVotes: new Map(),
    migratingTo,
    importingFrom,
    health: draw.health,
    size: [...nodes.values()].filter((node) => node.flags.includes('master') && node.slotCount > 0).length,
    blacklist: new Map(),
    minoritySince: 0,
    firstEvaluationAt: 0,
  };
}

/**
 * What `stateFromSnapshot(topologySnapshot(state))` must give back: `state` with the neutral values of what a
 * snapshot does not carry (dataReceived = pongReceived; failTime, createdAt, linkSince 0; meetPending false;
 * myself connected; no blacklist; lastVoteEpoch 0; size recomputed) and the migrations in slot order.
 */
export function expectedAfterSnapshot(state: ClusterState): ClusterState {
  const nodes = new Map<NodeId, ClusterNode>();
  for (const node of state.nodes.values()) {
    nodes.set(node.id, {
      ...node,
      meetPending: false,
      dataReceived: node.pongReceived,
      failTime: 0,
      createdAt: 0,
      linkSince: 0,
      link: node.id === state.myselfId ? 'connected' : node.link,
    });
  }
  const bySlot = (map: ReadonlyMap<number, NodeId>) => new Map([...map].sort(([a], [b]) => a - b));
  return {
    ...state,
    nodes,
    lastVoteEpoch: 0n,
    failoverVotes: new Map(),
    migratingTo: bySlot(state.migratingTo),
    importingFrom: bySlot(state.importingFrom),
    size: [...nodes.values()].filter((node) => node.flags.includes('master') && node.slotCount > 0).length,
    blacklist: new Map(),
    minoritySince: 0,
    firstEvaluationAt: 0,
  };
}
