// The data-node's replication as commands see it (INFO replication, ROLE, WAIT, the Attach heartbeat): the
// history (ReplicationState), the replicas this node serves as a master (ReplicaHub) and, as a replica, the
// status of its link to its master. It exists in every data-node, standalone too (a master without
// replicas); the ReplicationManager of cluster mode switches its role and attaches the link. No I/O here.
import type { OutputLimit } from '../server/output-limits.js';
import { ReplicaHub, type ReplicaHubEvents } from './replica-hub.js';
import { ReplicationState, type ReplicationHost } from './replication-state.js';

/** Redis's replica link states (ROLE; INFO master_link_status is `up` only when `connected`). */
export type MasterLinkStatus = 'connect' | 'connecting' | 'sync' | 'connected';

/** `downSince` of a link that was never up (Redis repl_down_since 0: the data counts as infinitely old). */
export const NEVER_LINKED = 0;

/** What a replica's link to its master shows (master-link.ts keeps it current). */
export interface MasterLinkView {
  readonly masterId: string;
  /** The master's address as the topology gives it (INFO master_host, master_port). */
  readonly host: string;
  readonly port: number;
  readonly status: MasterLinkStatus;
  /** Last frame from the master, ms since the epoch (INFO master_last_io_seconds_ago); 0 before any. */
  readonly lastIoAt: number;
  /** Since when the link is down (ms since the epoch); NEVER_LINKED if it never was up; 0 is also "up". */
  readonly downSince: number;
  /** Stream bytes received (INFO slave_read_repl_offset), whole commands or not. */
  readonly readOffset: number;
  /** During a full sync: when it started and the snapshot bytes received. */
  readonly syncStartedAt: number;
  readonly syncReadBytes: number;
}

export interface ReplicationOptions {
  readonly host: ReplicationHost;
  readonly now: () => number;
  /** client-output-buffer-limit replica. */
  readonly outputLimit: () => OutputLimit;
}

const QUIET: ReplicaHubEvents = {
  synced: () => undefined,
  snapshotSent: () => undefined,
  closed: () => undefined,
};

export class Replication {
  readonly hub: ReplicaHub;
  readonly state: ReplicationState;
  /** The role this node plays now (it may lag the topology for a moment). */
  role: 'master' | 'replica' = 'master';
  /** As a replica: its link; null as a master. */
  link: MasterLinkView | null = null;
  /** Hub events (logs); the ReplicationManager sets them. */
  events: ReplicaHubEvents = QUIET;

  constructor(options: ReplicationOptions) {
    const events: ReplicaHubEvents = {
      synced: (...args) => this.events.synced(...args),
      snapshotSent: (...args) => this.events.snapshotSent(...args),
      closed: (...args) => this.events.closed(...args),
    };
    this.hub = new ReplicaHub(options.host.db, options.now, options.outputLimit, events);
    this.state = new ReplicationState(options.host, this.hub);
    this.hub.bind(this.state);
  }

  /**
   * The offset this node reports (heartbeat, gossip, CLUSTER SLOTS): master_repl_offset as a master; as a
   * replica the bytes it applied, but 0 during a full sync (its data is not a copy of anything yet), as Redis
   * reports no offset while loading.
   */
  reportedOffset(): number {
    if (this.role === 'replica' && this.link?.status === 'sync') return 0;
    return this.state.offset;
  }

  /** What the Attach heartbeat reports (attach-frames.ts ReplicationReport). */
  report(): {
    role: 'master' | 'replica';
    offset: number;
    syncing: boolean;
    linkUp: boolean;
    linkDownSinceMs: number;
  } {
    const link = this.role === 'replica' ? this.link : null;
    const linkUp = link?.status === 'connected';
    return {
      role: this.role,
      offset: this.reportedOffset(),
      syncing: link?.status === 'sync',
      linkUp,
      // A link never up: 1 ms after the epoch, data infinitely old (Redis repl_down_since 0).
      linkDownSinceMs: link === null || linkUp ? 0 : link.downSince === NEVER_LINKED ? 1 : link.downSince,
    };
  }
}
