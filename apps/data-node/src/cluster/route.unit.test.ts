// route(): every branch of Redis's getNodeByQuery, in its order, on views of the three-master topology
// (A 0-5460, B 5461-10922, C 10923-16383, R replica of A), plus properties over random slot tables: on a stable
// view a command is served exactly when myself owns its slot, and redirected to the owner otherwise.
import { fc, test } from '@fast-check/vitest';
import { clusterStateFromNodes } from '@tessera/cluster-model';
import { keySlot, SLOT_COUNT } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import type { ClusterView, NodeAddress } from './cluster-view.js';
import { route, routeBlocked, type RouteDecision, type RoutePolicy, type RouteQuery } from './route.js';
import { StaticClusterView } from './static-cluster-view.js';
import { A, B, C, R, settled, threeMasters, threeMastersText } from '../testing/cluster-fixtures.js';

const DEFAULT_POLICY: RoutePolicy = { allowReadsWhenDown: false, allowPubsubShardWhenDown: true };

// Keys and their slots: bar 5061 and hello 866 (A), abc 7638 (B), foo 12182 (C).
const IN_A = 'bar';
const ALSO_IN_A = 'hello';
const IN_B = 'abc';
const IN_C = 'foo';
const SLOT = { bar: keySlot(IN_A), foo: keySlot(IN_C), b: keySlot(IN_B) };

function query(keys: readonly string[], flags: Partial<Omit<RouteQuery, 'keys'>> = {}): RouteQuery {
  return {
    keys: keys.map((key) => Buffer.from(key, 'latin1')),
    write: false,
    migrate: false,
    askingCommand: false,
    pubsubShard: false,
    asking: false,
    readonly: false,
    ...flags,
  };
}

function viewOf(
  options: Parameters<typeof threeMastersText>[0] = {},
  requireFullCoverage = true,
): StaticClusterView {
  const state = clusterStateFromNodes(threeMastersText(options), { options: { requireFullCoverage } });
  return new StaticClusterView(settled(state));
}

const stable = new StaticClusterView(threeMasters());
const down = viewOf({ bFlags: ['fail'] });
const unboundFoo = viewOf({ cSlots: ['10923-12181', '12183-16383'] });
/** cluster-require-full-coverage no: an unbound slot leaves the cluster ok. */
const unboundFooOk = viewOf({ cSlots: ['10923-12181', '12183-16383'] }, false);
const migratingBar = viewOf({ migrations: [`[${SLOT.bar}->-${B}]`] });
const importingFoo = viewOf({ migrations: [`[${SLOT.foo}-<-${C}]`] });
const replica = viewOf({ myself: R });

const at = (view: ClusterView, id: string): NodeAddress => {
  const owner = view.slotOwners.find((node) => node?.id === id);
  if (!owner) throw new Error(`no slot of ${id}`);
  return owner;
};

interface Row {
  readonly title: string;
  readonly view: ClusterView;
  readonly query: RouteQuery;
  readonly exists?: readonly string[];
  readonly policy?: Partial<RoutePolicy>;
  readonly expected: RouteDecision;
}

const ROWS: Row[] = [
  // 0. no key at all
  { title: 'a command without keys is served', view: down, query: query([]), expected: { kind: 'serve' } },
  // 1. first key: unbound slot
  {
    title: "the first key's unbound slot answers CLUSTERDOWN Hash slot not served",
    view: unboundFoo,
    query: query([IN_C]),
    expected: { kind: 'clusterdown-unbound' },
  },
  {
    title: 'an unbound first key wins over a second key in another slot',
    view: unboundFoo,
    query: query([IN_C, IN_A]),
    expected: { kind: 'clusterdown-unbound' },
  },
  // 2. later keys: cross-slot
  {
    title: 'a later key in another slot is CROSSSLOT, even when that slot is unbound',
    view: unboundFoo,
    query: query([IN_A, IN_C]),
    expected: { kind: 'crossslot' },
  },
  {
    title: 'CROSSSLOT wins over a cluster that is down',
    view: down,
    query: query([IN_A, ALSO_IN_A]),
    expected: { kind: 'crossslot' },
  },
  // 3. cluster state
  {
    title: 'a cluster that is down answers CLUSTERDOWN even for a local slot',
    view: down,
    query: query([IN_A]),
    expected: { kind: 'clusterdown-state' },
  },
  {
    title: 'cluster-allow-reads-when-down lets a read through (then served locally)',
    view: down,
    query: query([IN_A]),
    policy: { allowReadsWhenDown: true },
    expected: { kind: 'serve' },
  },
  {
    title: 'cluster-allow-reads-when-down lets a read through to the MOVED check',
    view: down,
    query: query([IN_C]),
    policy: { allowReadsWhenDown: true },
    expected: { kind: 'moved', slot: SLOT.foo, to: at(down, C) },
  },
  {
    title: 'cluster-allow-reads-when-down refuses writes with the read-only text',
    view: down,
    query: query([IN_A], { write: true }),
    policy: { allowReadsWhenDown: true },
    expected: { kind: 'clusterdown-readonly' },
  },
  {
    title: 'sharded pub/sub is allowed while down by default (cluster-allow-pubsubshard-when-down yes)',
    view: down,
    query: query([IN_A], { pubsubShard: true }),
    expected: { kind: 'serve' },
  },
  {
    title: 'sharded pub/sub is refused while down when cluster-allow-pubsubshard-when-down is no',
    view: down,
    query: query([IN_A], { pubsubShard: true }),
    policy: { allowPubsubShardWhenDown: false, allowReadsWhenDown: true },
    expected: { kind: 'clusterdown-state' },
  },
  {
    title: 'the down check comes before ASK on a migrating slot',
    view: viewOf({ bFlags: ['fail'], migrations: [`[${SLOT.bar}->-${B}]`] }),
    query: query([IN_A]),
    expected: { kind: 'clusterdown-state' },
  },
  // 4. MIGRATE on an open slot
  {
    title: 'MIGRATE on a migrating slot is served even with its key missing',
    view: migratingBar,
    query: query([IN_A], { migrate: true, write: true }),
    expected: { kind: 'serve' },
  },
  {
    title: 'MIGRATE on an importing slot is served instead of MOVED',
    view: importingFoo,
    query: query([IN_C], { migrate: true, write: true }),
    expected: { kind: 'serve' },
  },
  // 5. migrating slot
  {
    title: 'a migrating slot with its only key missing answers ASK to the destination',
    view: migratingBar,
    query: query([IN_A]),
    expected: { kind: 'ask', slot: SLOT.bar, to: at(migratingBar, B) },
  },
  {
    title: 'ASK does not depend on the ASKING flag of the client',
    view: migratingBar,
    query: query([IN_A], { asking: true, write: true }),
    expected: { kind: 'ask', slot: SLOT.bar, to: at(migratingBar, B) },
  },
  {
    title: 'a migrating slot with some keys here and some missing answers TRYAGAIN',
    view: migratingBar,
    query: query(['{bar}1', '{bar}2']),
    exists: ['{bar}1'],
    expected: { kind: 'tryagain' },
  },
  {
    title: 'a migrating slot with every key here is served',
    view: migratingBar,
    query: query(['{bar}1', '{bar}2'], { write: true }),
    exists: ['{bar}1', '{bar}2'],
    expected: { kind: 'serve' },
  },
  {
    title: 'shard channels of a migrating slot are never missing: served by the source',
    view: migratingBar,
    query: query([IN_A], { pubsubShard: true }),
    expected: { kind: 'serve' },
  },
  // 6. importing slot
  {
    title: 'an importing slot without ASKING is MOVED to the owner',
    view: importingFoo,
    query: query([IN_C]),
    expected: { kind: 'moved', slot: SLOT.foo, to: at(importingFoo, C) },
  },
  {
    title: 'an importing slot with ASKING is served',
    view: importingFoo,
    query: query([IN_C], { asking: true, write: true }),
    expected: { kind: 'serve' },
  },
  {
    title: 'an importing slot is served to a command with the asking flag (RESTORE-ASKING)',
    view: importingFoo,
    query: query([IN_C], { askingCommand: true, write: true }),
    expected: { kind: 'serve' },
  },
  {
    title: 'an importing slot with ASKING answers TRYAGAIN to a multi-key request with a key missing',
    view: importingFoo,
    query: query(['{foo}1', '{foo}2'], { asking: true }),
    exists: ['{foo}1'],
    expected: { kind: 'tryagain' },
  },
  {
    title: 'an importing slot with ASKING serves a multi-key request whose keys are all here',
    view: importingFoo,
    query: query(['{foo}1', '{foo}2'], { asking: true }),
    exists: ['{foo}1', '{foo}2'],
    expected: { kind: 'serve' },
  },
  {
    title: 'the same key twice is one key: served with ASKING although missing',
    view: importingFoo,
    query: query(['{foo}1', '{foo}1'], { asking: true, write: true }),
    expected: { kind: 'serve' },
  },
  // 7. READONLY on a replica
  {
    title: "a READONLY client reads its master's slot on the replica",
    view: replica,
    query: query([IN_A], { readonly: true }),
    expected: { kind: 'serve' },
  },
  {
    title: "a READONLY client's write goes to the master",
    view: replica,
    query: query([IN_A], { readonly: true, write: true }),
    expected: { kind: 'moved', slot: SLOT.bar, to: at(replica, A) },
  },
  {
    title: 'a client without READONLY is sent to the master',
    view: replica,
    query: query([IN_A]),
    expected: { kind: 'moved', slot: SLOT.bar, to: at(replica, A) },
  },
  {
    title: 'READONLY does not serve slots of another master',
    view: replica,
    query: query([IN_B], { readonly: true }),
    expected: { kind: 'moved', slot: SLOT.b, to: at(replica, B) },
  },
  {
    title: "sharded pub/sub is served on a replica of the slot's master without READONLY",
    view: replica,
    query: query([IN_A], { pubsubShard: true }),
    expected: { kind: 'serve' },
  },
  // 8. owner
  {
    title: 'a slot myself owns is served',
    view: stable,
    query: query([IN_A, '{bar}x'], { write: true }),
    expected: { kind: 'serve' },
  },
  {
    title: "another master's slot is MOVED to it",
    view: stable,
    query: query([IN_B]),
    expected: { kind: 'moved', slot: SLOT.b, to: { id: B, endpoint: '127.0.0.1', port: 7001 } },
  },
];

describe('route follows redis getNodeByQuery', () => {
  it.each(ROWS)('$title', ({ view, query: q, exists = [], policy = {}, expected }) => {
    const here = new Set(exists);
    const decision = route(q, view, (key) => here.has(Buffer.from(key).toString('latin1')), {
      ...DEFAULT_POLICY,
      ...policy,
    });
    expect(decision).toEqual(expected);
  });

  it('asks whether keys exist only on a migrating or importing slot', () => {
    const asked: string[] = [];
    const exists = (key: Uint8Array) => {
      asked.push(Buffer.from(key).toString('latin1'));
      return false;
    };
    route(query([IN_A, '{bar}2']), stable, exists, DEFAULT_POLICY);
    route(query([IN_C]), importingFoo, exists, DEFAULT_POLICY);
    expect(asked).toEqual([IN_C]);
  });
});

describe('routeBlocked follows redis clusterRedirectBlockedClientIfNeeded', () => {
  const client = { readonly: false, write: false };

  it('keeps waiting on a slot myself serves or imports', () => {
    expect(routeBlocked(IN_A, stable, client)).toEqual({ kind: 'serve' });
    expect(routeBlocked(IN_C, importingFoo, client)).toEqual({ kind: 'serve' });
  });

  it('redirects a client whose slot moved, and reports an unbound slot or a cluster down', () => {
    expect(routeBlocked(IN_C, stable, client)).toEqual({ kind: 'moved', slot: SLOT.foo, to: at(stable, C) });
    expect(routeBlocked(IN_C, unboundFooOk, client)).toEqual({ kind: 'clusterdown-unbound' });
    expect(routeBlocked(IN_C, unboundFoo, client)).toEqual({ kind: 'clusterdown-state' });
    expect(routeBlocked(IN_A, down, client)).toEqual({ kind: 'clusterdown-state' });
  });

  it("lets a READONLY reader wait on its master's slot on the replica, not a writer", () => {
    expect(routeBlocked(IN_A, replica, { readonly: true, write: false })).toEqual({ kind: 'serve' });
    expect(routeBlocked(IN_A, replica, { readonly: true, write: true })).toMatchObject({ kind: 'moved' });
  });
});

// ---------------------------------------------------------------------------------------------- properties

const ME: NodeAddress = { id: A, endpoint: '10.0.0.1', port: 7000 };
const OTHERS: NodeAddress[] = [
  { id: B, endpoint: '10.0.0.2', port: 7001 },
  { id: C, endpoint: 'node-c.example', port: 7002 },
];

/** A stable view (no migration, state ok, myself a master) whose slot table has `cuts` runs of `owners`. */
function stableView(runs: readonly { start: number; owner: number }[]): ClusterView {
  const owners = new Array<NodeAddress | null>(SLOT_COUNT).fill(null);
  const sorted = [...runs].sort((x, y) => x.start - y.start);
  sorted.forEach((run, i) => {
    const end = i + 1 < sorted.length ? (sorted[i + 1] as { start: number }).start : SLOT_COUNT;
    const node = [ME, ...OTHERS, null][run.owner] ?? null;
    owners.fill(node, run.start, end);
  });
  const unused = () => {
    throw new Error('route() must not render');
  };
  return {
    myself: { ...ME, role: 'master', masterId: null, shardId: A },
    slotOwners: owners,
    migrating: new Map(),
    importing: new Map(),
    state: 'ok',
    clusterNodes: unused,
    clusterSlots: unused,
    clusterShards: unused,
    clusterInfo: unused,
    replicas: unused,
    links: unused,
  };
}

const slotTable = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: SLOT_COUNT - 1 }), owner: fc.integer({ min: 0, max: 3 }) }),
  { minLength: 1, maxLength: 8 },
);
const flags = fc.record({
  write: fc.boolean(),
  migrate: fc.boolean(),
  askingCommand: fc.boolean(),
  pubsubShard: fc.boolean(),
  asking: fc.boolean(),
  readonly: fc.boolean(),
});
const key = fc.oneof(
  fc.uint8Array({ maxLength: 24 }),
  fc.string({ maxLength: 12 }).map((s) => Buffer.from(s, 'latin1')),
);

function ownerOrRedirect(view: ClusterView, slot: number): RouteDecision {
  const owner = view.slotOwners[slot] ?? null;
  if (owner === null) return { kind: 'clusterdown-unbound' };
  return owner.id === ME.id ? { kind: 'serve' } : { kind: 'moved', slot, to: owner };
}

describe('route on a stable view', () => {
  test.prop([slotTable, key, flags])(
    "a single-key command is served by its slot's owner, whatever the client flags",
    (runs, k, f) => {
      const view = stableView(runs);
      const decision = route({ keys: [k], ...f }, view, () => false, DEFAULT_POLICY);
      expect(decision).toEqual(ownerOrRedirect(view, keySlot(k)));
    },
  );

  test.prop([slotTable, fc.array(key, { minLength: 1, maxLength: 5 }), flags])(
    'a multi-key command is CROSSSLOT unless its keys share the first key slot, then routed like it',
    (runs, keys, f) => {
      const view = stableView(runs);
      const slot = keySlot(keys[0] as Uint8Array);
      const decision = route({ keys, ...f }, view, () => false, DEFAULT_POLICY);
      const expected =
        view.slotOwners[slot] !== null && keys.some((k) => keySlot(k) !== slot)
          ? { kind: 'crossslot' }
          : ownerOrRedirect(view, slot);
      expect(decision).toEqual(expected);
    },
  );
});
