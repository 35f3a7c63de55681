// The routing decision of a keyed command in cluster mode (style rule 7), in Redis 7's exact order
// (redis src/cluster.c getNodeByQuery). Keys are checked in order: the first key's slot must be bound
// (CLUSTERDOWN Hash slot not served), every later key must share it (CROSSSLOT); then the cluster state
// (CLUSTERDOWN, with cluster-allow-reads-when-down and cluster-allow-pubsubshard-when-down); MIGRATE on an open
// slot is served; a MIGRATING slot with missing keys answers ASK (none here) or TRYAGAIN (some here); an
// IMPORTING slot serves ASKING clients (TRYAGAIN for a multi-key request with missing keys); a READONLY client
// (or sharded pub/sub) on a replica of the owner is served for non-write commands; otherwise MOVED, or served
// when myself owns the slot. A request without keys is always served.
// Pure: no I/O, no RESP; redirect-error.ts renders the decision.
import { keySlot } from '@tessera/slot';
import type { ClusterView, NodeAddress } from './cluster-view.js';

export type RouteDecision =
  | { readonly kind: 'serve' }
  | { readonly kind: 'moved'; readonly slot: number; readonly to: NodeAddress }
  | { readonly kind: 'ask'; readonly slot: number; readonly to: NodeAddress }
  | { readonly kind: 'tryagain' }
  | { readonly kind: 'crossslot' }
  | { readonly kind: 'clusterdown-unbound' }
  | { readonly kind: 'clusterdown-state' }
  | { readonly kind: 'clusterdown-readonly' };

export type RouteKind = RouteDecision['kind'];
/** Every decision but `serve`: what the client is answered instead of running the command. */
export type Redirect = Exclude<RouteDecision, { readonly kind: 'serve' }>;

export const SERVE: RouteDecision = { kind: 'serve' };
const TRYAGAIN: Redirect = { kind: 'tryagain' };
const CROSSSLOT: Redirect = { kind: 'crossslot' };
const UNBOUND: Redirect = { kind: 'clusterdown-unbound' };
const DOWN: Redirect = { kind: 'clusterdown-state' };
const DOWN_READONLY: Redirect = { kind: 'clusterdown-readonly' };

/** The command being routed and the flags of its client. */
export interface RouteQuery {
  /** Its keys in order (for EXEC: the keys of every queued command); empty when it has none. */
  readonly keys: readonly Uint8Array[];
  /** A write command (for EXEC: some queued command writes). */
  readonly write: boolean;
  /** The command is MIGRATE: served locally on an open (migrating or importing) slot. */
  readonly migrate: boolean;
  /** The command carries the `asking` flag (RESTORE-ASKING): as if the client had sent ASKING. */
  readonly askingCommand: boolean;
  /** Sharded pub/sub (SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH): channels are keys but never "missing". */
  readonly pubsubShard: boolean;
  /** The client sent ASKING just before (one-shot flag). */
  readonly asking: boolean;
  /** The client sent READONLY (connection flag). */
  readonly readonly: boolean;
}

/** Node configuration the decision reads. */
export interface RoutePolicy {
  /** cluster-allow-reads-when-down. @default false in Redis */
  readonly allowReadsWhenDown: boolean;
  /** cluster-allow-pubsubshard-when-down. @default true in Redis */
  readonly allowPubsubShardWhenDown: boolean;
}

/**
 * Where `query` must run. `keyExists` answers whether a key is stored here (not expired); it is asked only
 * for keys of a migrating or importing slot.
 */
export function route(
  query: RouteQuery,
  view: ClusterView,
  keyExists: (key: Uint8Array) => boolean,
  policy: RoutePolicy,
): RouteDecision {
  const keys = query.keys;
  if (keys.length === 0) return SERVE;
  const first = keys[0] as Uint8Array;
  const slot = keySlot(first);
  const owner = view.slotOwners[slot] ?? null;
  if (owner === null) return UNBOUND;
  const mine = owner.id === view.myself.id;
  const migrating = mine && view.migrating.has(slot);
  const importing = !migrating && view.importing.has(slot);
  const open = (migrating || importing) && !query.pubsubShard;
  let multipleKeys = false;
  let missing = 0;
  let existing = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as Uint8Array;
    if (i > 0) {
      if (keySlot(key) !== slot) return CROSSSLOT;
      if (importing && !multipleKeys && !sameBytes(first, key)) multipleKeys = true;
    }
    if (open) {
      if (keyExists(key)) existing++;
      else missing++;
    }
  }

  if (view.state !== 'ok') {
    if (query.pubsubShard) {
      if (!policy.allowPubsubShardWhenDown) return DOWN;
    } else if (!policy.allowReadsWhenDown) {
      return DOWN;
    } else if (query.write) {
      return DOWN_READONLY;
    }
  }
  if ((migrating || importing) && query.migrate) return SERVE;
  if (migrating && missing > 0) {
    if (existing > 0) return TRYAGAIN;
    return { kind: 'ask', slot, to: view.migrating.get(slot) as NodeAddress };
  }
  if (importing && (query.asking || query.askingCommand)) {
    return multipleKeys && missing > 0 ? TRYAGAIN : SERVE;
  }
  if (
    (query.readonly || query.pubsubShard) &&
    !query.write &&
    view.myself.role === 'replica' &&
    view.myself.masterId === owner.id
  ) {
    return SERVE;
  }
  return mine ? SERVE : { kind: 'moved', slot, to: owner };
}

/**
 * Whether a client blocked on `key` (BLPOP, BLMOVE...) must be unblocked with a redirect after a topology
 * change (redis clusterRedirectBlockedClientIfNeeded): CLUSTERDOWN when the cluster is down, MOVED (or
 * CLUSTERDOWN Hash slot not served) when the slot is neither served here nor being imported. A READONLY
 * client of a replica keeps waiting on its master's slots for non-write commands.
 */
export function routeBlocked(
  key: string | Uint8Array,
  view: ClusterView,
  client: { readonly readonly: boolean; readonly write: boolean },
): RouteDecision {
  if (view.state !== 'ok') return DOWN;
  const slot = keySlot(key);
  const owner = view.slotOwners[slot] ?? null;
  if (owner !== null && owner.id === view.myself.id) return SERVE;
  if (
    owner !== null &&
    client.readonly &&
    !client.write &&
    view.myself.role === 'replica' &&
    view.myself.masterId === owner.id
  ) {
    return SERVE;
  }
  if (view.importing.has(slot)) return SERVE;
  return owner === null ? UNBOUND : { kind: 'moved', slot, to: owner };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
