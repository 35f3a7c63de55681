// Test support: fast-check arbitraries of consistent cluster states (as a node could hold them), for the
// round-trip properties of nodes.conf, CLUSTER NODES and the JSON export. Nodes have random roles, flags,
// addresses, hostnames, epochs, liveness times and slots; replicas follow a master (epoch 0, its shard id);
// myself may migrate/import slots. Not built, not published.
import { fc } from '@fast-check/vitest';
import { SLOT_COUNT } from '@tessera/slot';
import { createNode, type ClusterNode } from '../lib/model/cluster-node.js';
import type { ClusterState } from '../lib/model/cluster-state.js';
import { DEFAULT_CLUSTER_OPTIONS } from '../lib/model/cluster-options.js';
import { normalizeFlags, type NodeFlag } from '../lib/model/node-flags.js';
import type { NodeId } from '../lib/model/node-id.js';

const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);
const ip = fc.constantFrom('127.0.0.1', '10.0.0.7', '192.168.1.20', '::1', 'fe80::1', '2001:db8::5');
const hostname = fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/), { nil: undefined });
const time = fc.oneof(fc.constant(0), fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }));
const epoch = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

interface NodeSpec {
  id: NodeId;
  shardId: NodeId;
  ip: string;
  port: number;
  hostname: string | undefined;
  replicaOf: number | null;
  extraFlags: NodeFlag[];
  pingSent: number;
  pongReceived: number;
  configEpoch: bigint;
  connected: boolean;
  slotWeight: number;
}

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record({
  id: hex40,
  shardId: hex40,
  ip,
  port: fc.integer({ min: 1, max: 55_535 }),
  hostname,
  replicaOf: fc.option(fc.nat(), { nil: null }),
  extraFlags: fc.subarray(['pfail', 'fail', 'noaddr', 'nofailover'] as NodeFlag[]),
  pingSent: time,
  pongReceived: time,
  configEpoch: epoch,
  connected: fc.boolean(),
  slotWeight: fc.nat({ max: 4 }),
});

export interface StateArbitraryOptions {
  /** Include handshake nodes (nodes.conf drops them, so its round trip excludes them). */
  readonly handshakeNodes?: boolean;
}

/** A consistent ClusterState with 1..7 nodes. */
export function arbitraryClusterState(options: StateArbitraryOptions = {}): fc.Arbitrary<ClusterState> {
  return fc
    .record({
      specs: fc.uniqueArray(nodeSpec, { minLength: 1, maxLength: 7, selector: (spec) => spec.id }),
      myselfIndex: fc.nat(),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: SLOT_COUNT - 1 }), { maxLength: 12 }),
      unassigned: fc.boolean(),
      handshake: options.handshakeNodes ? fc.boolean() : fc.constant(false),
      migrations: fc.array(
        fc.record({ slot: fc.nat({ max: SLOT_COUNT - 1 }), peer: fc.nat(), out: fc.boolean() }),
        {
          maxLength: 4,
        },
      ),
      currentEpochExtra: fc.bigInt({ min: 0n, max: 1000n }),
      lastVoteEpoch: epoch,
    })
    .map((draw) => buildState(draw));
}

function buildState(draw: {
  specs: NodeSpec[];
  myselfIndex: number;
  cuts: number[];
  unassigned: boolean;
  handshake: boolean;
  migrations: { slot: number; peer: number; out: boolean }[];
  currentEpochExtra: bigint;
  lastVoteEpoch: bigint;
}): ClusterState {
  const specs = draw.specs;
  const myselfIndex = draw.myselfIndex % specs.length;
  // Node 0 is always a master; others replicate an earlier master or are masters themselves.
  const masterOf: (number | null)[] = [];
  specs.forEach((spec, i) => {
    const candidate = i === 0 || spec.replicaOf === null ? null : spec.replicaOf % i;
    masterOf.push(candidate !== null && masterOf[candidate] === null ? candidate : null);
  });
  const masters = specs.map((_, i) => i).filter((i) => masterOf[i] === null);
  // Slots: split 0..16383 at the cuts, hand the runs to masters round-robin (weighted), some left unassigned.
  const owners: (NodeId | null)[] = new Array<NodeId | null>(SLOT_COUNT).fill(null);
  const bounds = [0, ...[...draw.cuts].sort((a, b) => a - b), SLOT_COUNT];
  for (let run = 0; run + 1 < bounds.length; run++) {
    const masterIndex = masters[run % masters.length] as number;
    if ((specs[masterIndex] as NodeSpec).slotWeight === 0 || (draw.unassigned && run % 3 === 2)) continue;
    for (let slot = bounds[run] as number; slot < (bounds[run + 1] as number); slot++) {
      owners[slot] = (specs[masterIndex] as NodeSpec).id;
    }
  }
  const nodes = new Map<NodeId, ClusterNode>();
  let maxEpoch = 0n;
  specs.forEach((spec, i) => {
    const master = masterOf[i] === null ? null : (specs[masterOf[i] as number] as NodeSpec);
    const isMyself = i === myselfIndex;
    const handshake = draw.handshake && !isMyself && i === specs.length - 1 && master === null;
    const flags = normalizeFlags([
      ...(isMyself ? (['myself'] as NodeFlag[]) : []),
      ...(handshake
        ? (['handshake'] as NodeFlag[])
        : master
          ? (['replica'] as NodeFlag[])
          : (['master'] as NodeFlag[])),
      ...(isMyself ? spec.extraFlags.filter((f) => f === 'nofailover') : spec.extraFlags),
    ]);
    const slots = new Uint8Array(SLOT_COUNT / 8);
    let slotCount = 0;
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      if (owners[slot] !== spec.id) continue;
      slots[slot >> 3] = (slots[slot >> 3] as number) | (1 << (slot & 7));
      slotCount++;
    }
    const configEpoch = master ? 0n : spec.configEpoch;
    if (configEpoch > maxEpoch) maxEpoch = configEpoch;
    nodes.set(spec.id, {
      ...createNode({
        id: spec.id,
        shardId: master ? master.shardId : spec.shardId,
        createdAt: 0,
        ip: spec.ip,
        port: spec.port,
        busPort: spec.port + 10_000,
        ...(spec.hostname ? { hostname: spec.hostname } : {}),
        flags,
      }),
      masterId: master ? master.id : null,
      pingSent: spec.pingSent,
      pongReceived: spec.pongReceived,
      configEpoch,
      link: isMyself || spec.connected ? 'connected' : 'disconnected',
      slots,
      slotCount,
    });
  });
  // Handshake nodes serve no slots.
  for (const node of nodes.values()) {
    if (node.flags.includes('handshake') && node.slotCount > 0) {
      for (let slot = 0; slot < SLOT_COUNT; slot++) if (owners[slot] === node.id) owners[slot] = null;
      nodes.set(node.id, { ...node, slots: new Uint8Array(SLOT_COUNT / 8), slotCount: 0 });
    }
  }
  const myselfId = (specs[myselfIndex] as NodeSpec).id;
  const others = specs.filter(
    (spec) => spec.id !== myselfId && !nodes.get(spec.id)?.flags.includes('handshake'),
  );
  const migratingTo = new Map<number, NodeId>();
  const importingFrom = new Map<number, NodeId>();
  for (const { slot, peer, out } of draw.migrations) {
    if (others.length === 0) break;
    const peerId = (others[peer % others.length] as NodeSpec).id;
    if (migratingTo.has(slot) || importingFrom.has(slot)) continue;
    (out ? migratingTo : importingFrom).set(slot, peerId);
  }
  let size = 0;
  for (const node of nodes.values()) if (node.flags.includes('master') && node.slotCount > 0) size++;
  return {
    options: DEFAULT_CLUSTER_OPTIONS,
    myselfId,
    nodes,
    slotOwners: owners,
    currentEpoch:
      maxEpoch + draw.currentEpochExtra > 2n ** 64n - 1n ? maxEpoch : maxEpoch + draw.currentEpochExtra,
    lastVoteEpoch: draw.lastVoteEpoch,
    failoverVotes: new Map(),
    migratingTo,
    importingFrom,
    health: 'fail',
    size,
    blacklist: new Map(),
    minoritySince: 0,
    firstEvaluationAt: 0,
  };
}

/** What nodes.conf keeps of a state: compare these after a round trip. */
export function persistedView(state: ClusterState): unknown {
  return {
    myselfId: state.myselfId,
    currentEpoch: state.currentEpoch,
    lastVoteEpoch: state.lastVoteEpoch,
    migratingTo: [...state.migratingTo].sort((a, b) => a[0] - b[0]),
    importingFrom: [...state.importingFrom].sort((a, b) => a[0] - b[0]),
    slotOwners: state.slotOwners,
    nodes: [...state.nodes.values()]
      .filter((node) => !node.flags.includes('handshake'))
      .map((node) => ({
        id: node.id,
        ip: node.ip,
        port: node.port,
        busPort: node.busPort,
        hostname: node.hostname,
        flags: node.flags,
        masterId: node.masterId,
        pingSent: node.pingSent,
        pongReceived: node.pongReceived,
        configEpoch: node.configEpoch,
        link: node.link,
        slots: Buffer.from(node.slots).toString('hex'),
        slotCount: node.slotCount,
        shardId: node.shardId,
      })),
  };
}
