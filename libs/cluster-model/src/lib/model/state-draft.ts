// Internal builder every transition uses: a copy-on-write working copy of a ClusterState plus the effects
// collected on the way. It keeps the slot table and the nodes' bitmaps consistent (clusterAddSlot/DelSlot),
// deletes nodes the way clusterDelNode does, and merges duplicate dirty flags on `finish`.
// Not exported from the package. Pure: no I/O; time and randomness come from the injected env.
import { SLOT_COUNT } from '@tessera/slot';
import type { ClusterNode } from './cluster-node.js';
import type { ClusterHealth, ClusterState, FailoverVote } from './cluster-state.js';
import type { ClusterEventType, Effect, LogLevel, Transition } from './effects.js';
import { ClusterModelError, CLUSTER_MODEL_ERROR_CODES } from './errors.js';
import type { ModelEnv } from './env.js';
import { changeFlags, type NodeFlag } from './node-flags.js';
import { generateNodeId, type NodeId } from './node-id.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type NodeChanges = Partial<Omit<Mutable<ClusterNode>, 'id' | 'slots' | 'slotCount'>>;

export class StateDraft {
  /** The time of this transition (read once from the clock). */
  readonly now: number;
  myselfId: NodeId;
  currentEpoch: bigint;
  lastVoteEpoch: bigint;
  health: ClusterHealth;
  size: number;
  minoritySince: number;
  firstEvaluationAt: number;
  readonly migratingTo: Map<number, NodeId>;
  readonly importingFrom: Map<number, NodeId>;
  readonly blacklist: Map<NodeId, number>;
  readonly failoverVotes: Map<NodeId, FailoverVote>;
  /** Masters that had replicas or were promoted (redis CLUSTER_NODE_MIGRATE_TO). */
  readonly migrateTo: Set<NodeId>;
  /** Since when a master with slots has had no working replica (redis orphaned_time). */
  readonly orphanedSince: Map<NodeId, number>;
  private nodes: Map<NodeId, ClusterNode>;
  private owners: (NodeId | null)[];
  private ownersCopied = false;
  private readonly ownBitmaps = new Set<NodeId>();
  private readonly effects: Effect[] = [];

  constructor(
    private readonly base: ClusterState,
    readonly env: ModelEnv,
  ) {
    this.now = env.clock.now();
    this.myselfId = base.myselfId;
    this.currentEpoch = base.currentEpoch;
    this.lastVoteEpoch = base.lastVoteEpoch;
    this.health = base.health;
    this.size = base.size;
    this.minoritySince = base.minoritySince;
    this.firstEvaluationAt = base.firstEvaluationAt;
    this.migratingTo = new Map(base.migratingTo);
    this.importingFrom = new Map(base.importingFrom);
    this.blacklist = new Map(base.blacklist);
    this.failoverVotes = new Map(base.failoverVotes);
    this.migrateTo = new Set(base.replicaMigration?.migrateTo);
    this.orphanedSince = new Map(base.replicaMigration?.orphanedSince);
    this.nodes = new Map(base.nodes);
    this.owners = base.slotOwners as (NodeId | null)[];
  }

  get options(): ClusterState['options'] {
    return this.base.options;
  }

  // ---------------------------------------------------------------- nodes

  get(id: NodeId): ClusterNode | undefined {
    return this.nodes.get(id);
  }

  /** The node with `id`; throws `RC_ERR_CLUSTER_MODEL_NODE_UNKNOWN` when the caller passed a stranger. */
  require(id: NodeId): ClusterNode {
    const node = this.nodes.get(id);
    if (!node) {
      throw new ClusterModelError(
        CLUSTER_MODEL_ERROR_CODES.NODE_UNKNOWN,
        `node ${id} is not in the cluster state`,
      );
    }
    return node;
  }

  get myself(): ClusterNode {
    return this.nodes.get(this.myselfId) as ClusterNode;
  }

  allNodes(): ClusterNode[] {
    return [...this.nodes.values()];
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  patch(id: NodeId, changes: NodeChanges): ClusterNode {
    const next = { ...this.require(id), ...changes } as ClusterNode;
    if ('hostname' in changes && !changes.hostname) delete (next as Mutable<ClusterNode>).hostname;
    this.nodes.set(id, next);
    return next;
  }

  setFlags(id: NodeId, add: readonly NodeFlag[], remove: readonly NodeFlag[] = []): ClusterNode {
    return this.patch(id, { flags: changeFlags(this.require(id).flags, add, remove) });
  }

  addNode(node: ClusterNode): void {
    this.nodes.set(node.id, node);
    this.ownBitmaps.add(node.id);
  }

  /** A fresh random id from the injected source (node ids, shard ids, handshake names). */
  randomId(): NodeId {
    return generateNodeId(this.env.random);
  }

  /** Gives a handshake node its real id, keeping its place in the node order (redis clusterRenameNode). */
  renameNode(oldId: NodeId, newId: NodeId): void {
    const renamed = new Map<NodeId, ClusterNode>();
    for (const [id, node] of this.nodes) {
      if (id === oldId) renamed.set(newId, { ...node, id: newId });
      else renamed.set(id, node);
    }
    this.nodes = renamed;
    if (this.ownBitmaps.delete(oldId)) this.ownBitmaps.add(newId);
  }

  /**
   * Removes a node as redis `clusterDelNode` does: its slots become unassigned, myself stops migrating or
   * importing with it, its failure reports about others go, and its replicas forget their master.
   */
  deleteNode(id: NodeId): void {
    for (const [slot, peer] of this.importingFrom) if (peer === id) this.importingFrom.delete(slot);
    for (const [slot, peer] of this.migratingTo) if (peer === id) this.migratingTo.delete(slot);
    if (this.require(id).slotCount > 0) {
      for (let slot = 0; slot < SLOT_COUNT; slot++) if (this.owners[slot] === id) this.delSlot(slot);
    }
    this.nodes.delete(id);
    this.failoverVotes.delete(id);
    this.migrateTo.delete(id);
    this.orphanedSince.delete(id);
    for (const node of this.nodes.values()) {
      if (node.failureReports.has(id)) {
        const reports = new Map(node.failureReports);
        reports.delete(id);
        this.patch(node.id, { failureReports: reports });
      }
      if (node.masterId === id) this.patch(node.id, { masterId: null });
    }
  }

  // ---------------------------------------------------------------- slots

  owner(slot: number): NodeId | null {
    return this.owners[slot] as NodeId | null;
  }

  /** Assigns an unassigned slot to `id` (redis clusterAddSlot); false if the slot already has an owner. */
  addSlot(id: NodeId, slot: number): boolean {
    if (this.owners[slot] !== null) return false;
    const bits = this.bitmapFor(id);
    bits[slot >> 3] = (bits[slot >> 3] as number) | (1 << (slot & 7));
    this.writableOwners()[slot] = id;
    const node = this.require(id);
    this.nodes.set(id, { ...node, slotCount: node.slotCount + 1 });
    return true;
  }

  /** Unassigns a slot (redis clusterDelSlot); false if it had no owner. */
  delSlot(slot: number): boolean {
    const id = this.owners[slot];
    if (id === null || id === undefined) return false;
    const bits = this.bitmapFor(id);
    bits[slot >> 3] = (bits[slot >> 3] as number) & ~(1 << (slot & 7));
    this.writableOwners()[slot] = null;
    const node = this.require(id);
    this.nodes.set(id, { ...node, slotCount: node.slotCount - 1 });
    return true;
  }

  /** All slots of `id`, ascending. */
  slotsOf(id: NodeId): number[] {
    const slots: number[] = [];
    if (this.require(id).slotCount === 0) return slots;
    for (let slot = 0; slot < SLOT_COUNT; slot++) if (this.owners[slot] === id) slots.push(slot);
    return slots;
  }

  private writableOwners(): (NodeId | null)[] {
    if (!this.ownersCopied) {
      this.owners = [...this.owners];
      this.ownersCopied = true;
    }
    return this.owners;
  }

  private bitmapFor(id: NodeId): Uint8Array {
    const node = this.require(id);
    if (this.ownBitmaps.has(id)) return node.slots;
    const copy = new Uint8Array(node.slots);
    this.nodes.set(id, { ...node, slots: copy });
    this.ownBitmaps.add(id);
    return copy;
  }

  // ---------------------------------------------------------------- blacklist

  /** Drops expired entries (redis clusterBlacklistCleanup). */
  cleanupBlacklist(): void {
    for (const [id, expiresAt] of this.blacklist) if (expiresAt < this.now) this.blacklist.delete(id);
  }

  isBlacklisted(id: NodeId): boolean {
    this.cleanupBlacklist();
    return this.blacklist.has(id);
  }

  // ---------------------------------------------------------------- effects

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  saveConfig(fsync = false): void {
    this.effects.push({ kind: 'save-config', fsync });
  }

  updateState(): void {
    this.effects.push({ kind: 'update-state' });
  }

  broadcastPong(): void {
    this.effects.push({ kind: 'broadcast-pong' });
  }

  event(type: ClusterEventType, nodeId: NodeId, detail?: Record<string, string | number | boolean>): void {
    this.effects.push({ kind: 'event', event: detail ? { type, nodeId, detail } : { type, nodeId } });
  }

  log(level: LogLevel, message: string, fields?: Record<string, string | number | boolean>): void {
    this.effects.push(fields ? { kind: 'log', level, message, fields } : { kind: 'log', level, message });
  }

  /** The new state, and the effects with dirty flags merged (one save-config, fsync if any asked for it). */
  finish(): Transition {
    const state: ClusterState = {
      options: this.base.options,
      myselfId: this.myselfId,
      nodes: this.nodes,
      slotOwners: this.owners,
      currentEpoch: this.currentEpoch,
      lastVoteEpoch: this.lastVoteEpoch,
      failoverVotes: this.failoverVotes,
      ...(this.migrateTo.size > 0 || this.orphanedSince.size > 0
        ? { replicaMigration: { migrateTo: this.migrateTo, orphanedSince: this.orphanedSince } }
        : {}),
      migratingTo: this.migratingTo,
      importingFrom: this.importingFrom,
      health: this.health,
      size: this.size,
      blacklist: this.blacklist,
      minoritySince: this.minoritySince,
      firstEvaluationAt: this.firstEvaluationAt,
    };
    return { state, effects: mergeDirtyFlags(this.effects) };
  }
}

/** Keeps one of each dirty flag (at its first position); save-config fsyncs if any instance asked to. */
export function mergeDirtyFlags(effects: readonly Effect[]): Effect[] {
  const merged: Effect[] = [];
  let saveAt = -1;
  let fsync = false;
  let updateState = false;
  let broadcastPong = false;
  for (const effect of effects) {
    if (effect.kind === 'save-config') {
      fsync ||= effect.fsync;
      if (saveAt < 0) {
        saveAt = merged.length;
        merged.push(effect);
      }
    } else if (effect.kind === 'update-state') {
      if (!updateState) merged.push(effect);
      updateState = true;
    } else if (effect.kind === 'broadcast-pong') {
      if (!broadcastPong) merged.push(effect);
      broadcastPong = true;
    } else {
      merged.push(effect);
    }
  }
  if (saveAt >= 0) merged[saveAt] = { kind: 'save-config', fsync };
  return merged;
}
