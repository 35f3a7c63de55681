// The topology snapshots the agent pushes to its data-node (snapshot policy: attach.proto): full snapshots
// only, each with a higher version; after a change at the next tick (coalesced), at least once a second
// anyway (refreshing ping/pong times and serving as the agent's heartbeat), and at once when a CLUSTER
// subcommand must not be answered before the data-node routes by its result.
import { randomBytes } from 'node:crypto';
import type { ClusterState } from '@tessera/cluster-model';
import { topologySnapshot } from '@tessera/cluster-wire';
import type { BusMessageCounters, TopologySnapshot } from '@tessera/proto';

/** Longest time between two snapshots. */
export const SNAPSHOT_REFRESH_MS = 1000;

export interface SnapshotSource {
  readonly state: () => ClusterState;
  readonly busStats: () => BusMessageCounters[];
  readonly now: () => number;
}

export class SnapshotPublisher {
  /** Random id of this agent process: versions compare only within it. */
  readonly instanceId = randomBytes(8).toString('hex');
  private version = 0n;
  private dirty = true;
  private lastSentAt = 0;
  private latest: TopologySnapshot | null = null;

  constructor(
    private readonly source: SnapshotSource,
    /** Delivers a snapshot to the data-node (no-op while none is attached). */
    private readonly send: (snapshot: TopologySnapshot) => void,
  ) {}

  markChanged(): void {
    this.dirty = true;
  }

  /** Called every agent tick. */
  tick(): void {
    if (this.dirty || this.source.now() - this.lastSentAt >= SNAPSHOT_REFRESH_MS) this.publishNow();
  }

  /** Builds and sends a snapshot now; returns its version. */
  publishNow(): bigint {
    const snapshot = this.build();
    this.lastSentAt = this.source.now();
    this.send(snapshot);
    return snapshot.version;
  }

  /** The latest snapshot (built now when the state changed since). */
  current(): TopologySnapshot {
    return this.latest !== null && !this.dirty ? this.latest : this.build();
  }

  private build(): TopologySnapshot {
    this.version += 1n;
    this.dirty = false;
    this.latest = topologySnapshot(this.source.state(), {
      agentInstanceId: this.instanceId,
      version: this.version,
      builtAtMs: this.source.now(),
      busStats: this.source.busStats(),
    });
    return this.latest;
  }
}
