// The topology port (style rule 16): what the data-node needs to know about the cluster to route commands and
// answer the CLUSTER read commands. The gossip-agent owns the configuration and pushes it; the data-node only
// reads a `ClusterView` and replaces it whole when a new snapshot arrives (`ClusterRouter.setView`), so a
// command always sees one consistent topology. In standalone mode there is no view at all. No I/O here.
import type { ClusterSlotsRange, CountOutcome, ReplicasOutcome, Shard } from '@tessera/cluster-model';

/** A node as clients are told to reach it: MOVED/ASK targets and slot owners. */
export interface NodeAddress {
  /** 40 lowercase hex characters. */
  readonly id: string;
  /**
   * The endpoint MOVED and ASK name, as `cluster-preferred-endpoint-type` picks it (redis
   * getPreferredEndpoint): the IP (default), the hostname (`?` when the node has none), or `''` for
   * unknown-endpoint. It is the same text CLUSTER SLOTS gives, which ioredis relies on.
   */
  readonly endpoint: string;
  /** Client (RESP) port. */
  readonly port: number;
}

export interface Myself extends NodeAddress {
  readonly role: 'master' | 'replica';
  /** The master of a replica; null for a master (or a replica of an unknown master). */
  readonly masterId: string | null;
  /** CLUSTER MYSHARDID. */
  readonly shardId: string;
}

/** One bus link, as CLUSTER LINKS lists it (redis 7.0 addReplyClusterLinkDescription). */
export interface ClusterLink {
  readonly direction: 'to' | 'from';
  readonly node: string;
  /** Creation time, ms since the epoch. */
  readonly createTime: number;
  /** `r`, `w`, `rw` or `''`. */
  readonly events: string;
  readonly sendBufferAllocated: number;
  readonly sendBufferUsed: number;
}

export interface ClusterView {
  readonly myself: Myself;
  /** Owner of each of the 16384 slots (null: unbound). Nodes are shared objects: compare by `id`. */
  readonly slotOwners: readonly (NodeAddress | null)[];
  /** Slots myself is migrating (CLUSTER SETSLOT MIGRATING), with their destination. */
  readonly migrating: ReadonlyMap<number, NodeAddress>;
  /** Slots myself is importing (CLUSTER SETSLOT IMPORTING), with their source. */
  readonly importing: ReadonlyMap<number, NodeAddress>;
  /** cluster_state: anything but `ok` makes keyed commands answer CLUSTERDOWN. */
  readonly state: 'ok' | 'fail';

  // Render inputs of the CLUSTER read commands (cluster-model renderings; the data-node encodes them).
  /** CLUSTER NODES text, every line ending in `\n`. */
  clusterNodes(): string;
  /** CLUSTER SLOTS structure. */
  clusterSlots(): readonly ClusterSlotsRange[];
  /** CLUSTER SHARDS structure. */
  clusterShards(): readonly Shard[];
  /** CLUSTER INFO text (CRLF lines). */
  clusterInfo(): string;
  /** CLUSTER REPLICAS/SLAVES of `nodeId`: the replicas' CLUSTER NODES lines, or Redis's refusal. */
  replicas(nodeId: string): ReplicasOutcome;
  /** CLUSTER COUNT-FAILURE-REPORTS; absent when the view does not carry failure reports. */
  countFailureReports?(nodeId: string): CountOutcome;
  /** CLUSTER LINKS. */
  links(): readonly ClusterLink[];
  /**
   * The IP and client port of a known node, whatever the preferred endpoint type (a replica dials its master's
   * replication port from them); null for an unknown node or one without an IP yet. Absent in views that
   * carry no addresses.
   */
  nodeAddress?(nodeId: string): { readonly ip: string; readonly port: number } | null;
}
