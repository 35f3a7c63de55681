// What a transition asks the outside world to do. Transitions never do I/O: they return the new state and a
// list of effects. Dirty flags (save-config, update-state, broadcast-pong) are batched by `beforeSleep`, as
// Redis batches them in clusterBeforeSleep (CLUSTER_TODO_*); sends, events and logs go to the gossip-agent.
// Pure: no I/O.
import type { ClusterModelError } from './errors.js';
import type { NodeId } from './node-id.js';
import type { ClusterState } from './cluster-state.js';

/** Effect kinds, each with what the gossip-agent does for it. */
export const EFFECT_KINDS = {
  /** Dirty flag: rewrite nodes.conf (fsync when `fsync`) before the next reply (CLUSTER_TODO_SAVE_CONFIG). */
  saveConfig: 'save-config',
  /** Dirty flag: recompute cluster_state (CLUSTER_TODO_UPDATE_STATE); `beforeSleep` does it. */
  updateState: 'update-state',
  /** Dirty flag: send a PONG with our config to every node (CLUSTER_TODO_BROADCAST_PONG). */
  broadcastPong: 'broadcast-pong',
  /** Answer the PING/MEET being processed with a PONG (built by buildPingMessage). */
  replyPong: 'reply-pong',
  /** Send a PING (or a MEET to a handshake node created by CLUSTER MEET) to `nodeId`. */
  sendPing: 'send-ping',
  /** Open a bus link to `nodeId` (it has none); on failure call linkFailed. */
  connect: 'connect',
  /** Close the bus link to `nodeId` (its address changed, or it answered with another id). */
  freeLink: 'free-link',
  /** Send a FAIL message about `nodeId` to every node. */
  broadcastFail: 'broadcast-fail',
  /** Send an UPDATE about `aboutId` (its slots and configEpoch) to `toId`, whose slot claim is stale. */
  sendUpdate: 'send-update',
  /** The data-node must delete its keys in these slots: myself lost them but stays a master. */
  dropSlotKeys: 'drop-slot-keys',
  /** A cluster event for `rc.events.>` (PFAIL/FAIL/recovered, epoch bumps, membership). */
  event: 'event',
  /** A log line: stable message string plus structured fields. */
  log: 'log',
} as const;

/** Cluster event types published on `rc.events.>`. */
export const CLUSTER_EVENT_TYPES = {
  /** A node entered the table (handshake or gossip). */
  nodeAdded: 'node-added',
  /** A node left the table (FORGET, handshake timeout, forgotten-node gossip, RESET). */
  nodeRemoved: 'node-removed',
  /** A handshake node answered and got its real id. */
  handshakeCompleted: 'handshake-completed',
  /** This node flagged a node PFAIL (`fail?`). */
  pfail: 'pfail',
  /** PFAIL cleared by a PONG. */
  pfailCleared: 'pfail-cleared',
  /** A node is FAIL (quorum reached here, or a FAIL message). */
  fail: 'fail',
  /** A FAIL flag was cleared (the node is reachable again). */
  failCleared: 'fail-cleared',
  /** myself's configEpoch changed without consensus (collision, BUMPEPOCH, SETSLOT NODE). */
  configEpochBumped: 'config-epoch-bumped',
  /** A node changed role (master <-> replica, or replicates another master). */
  roleChanged: 'role-changed',
  /** cluster_state changed. */
  stateChanged: 'state-changed',
  /** An election for a failed master started (by a coordinator, or a replica's manual failover). */
  failoverStarted: 'failover-started',
  /** This master voted for a replica (`nodeId`) in an election epoch. */
  voteGranted: 'vote-granted',
  /** This master refused its vote to a replica (`nodeId`); `detail.reason` says why. */
  voteDenied: 'vote-denied',
  /** A replica (`nodeId`) won an election and took its master's slots with a new configEpoch. */
  failoverWon: 'failover-won',
  /** An election ended without a majority (or the winner refused to take over). */
  failoverLost: 'failover-lost',
  /** CLUSTER FAILOVER [FORCE|TAKEOVER] started on this replica (`nodeId`). */
  manualFailoverStarted: 'manual-failover-started',
  /** A manual failover gave up (timeout, master unreachable, no majority). */
  manualFailoverAborted: 'manual-failover-aborted',
  /** A replica moved to an orphaned master (cluster-migration-barrier). */
  replicaMigrated: 'replica-migrated',
} as const;

export type ClusterEventType = (typeof CLUSTER_EVENT_TYPES)[keyof typeof CLUSTER_EVENT_TYPES];

export interface ClusterEvent {
  readonly type: ClusterEventType;
  /** The node the event is about. */
  readonly nodeId: NodeId;
  /** Event-specific values (epochs as decimal strings). */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export type LogLevel = 'debug' | 'info' | 'warn';

export type Effect =
  | { readonly kind: 'save-config'; readonly fsync: boolean }
  | { readonly kind: 'update-state' }
  | { readonly kind: 'broadcast-pong' }
  | { readonly kind: 'reply-pong' }
  | { readonly kind: 'send-ping'; readonly nodeId: NodeId; readonly meet: boolean }
  | { readonly kind: 'connect'; readonly nodeId: NodeId }
  | { readonly kind: 'free-link'; readonly nodeId: NodeId }
  | { readonly kind: 'broadcast-fail'; readonly nodeId: NodeId }
  | { readonly kind: 'send-update'; readonly toId: NodeId; readonly aboutId: NodeId }
  | { readonly kind: 'drop-slot-keys'; readonly slots: readonly number[] }
  | { readonly kind: 'event'; readonly event: ClusterEvent }
  | {
      readonly kind: 'log';
      readonly level: LogLevel;
      readonly message: string;
      readonly fields?: Readonly<Record<string, string | number | boolean>>;
    };

export type EffectKind = Effect['kind'];

/** A successful transition: the new state and what to do about it. */
export interface Transition {
  readonly state: ClusterState;
  readonly effects: readonly Effect[];
}

/** The result of applying a bus message: applied, or rejected by validation (state unchanged). */
export type MessageOutcome =
  ({ readonly ok: true } & Transition) | { readonly ok: false; readonly error: ClusterModelError };

/** The effects of `kind` in `effects`, typed. */
export function effectsOf<K extends EffectKind>(
  effects: readonly Effect[],
  kind: K,
): Extract<Effect, { kind: K }>[] {
  return effects.filter((effect): effect is Extract<Effect, { kind: K }> => effect.kind === kind);
}

/** The events among `effects`. */
export function eventsOf(effects: readonly Effect[]): ClusterEvent[] {
  return effectsOf(effects, 'event').map((effect) => effect.event);
}
