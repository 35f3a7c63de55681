// A ClusterView over one immutable cluster-model state: the snapshot the Attach client (and, until the
// gossip-agent exists, the LocalAgentLink) builds whenever the configuration changes. Slot owners and
// addresses are computed once at construction; the CLUSTER renderings are computed on first use and kept,
// which is safe because the state never changes. No I/O here.
import {
  isReplica,
  renderClusterInfo,
  renderClusterNodes,
  renderClusterReplicas,
  renderClusterShards,
  renderClusterSlots,
  renderCountFailureReports,
  type ClusterInfoStats,
  type ClusterNode,
  type ClusterSlotsRange,
  type ClusterState,
  type CountOutcome,
  type PreferredEndpointType,
  type ReplicasOutcome,
  type Shard,
} from '@tessera/cluster-model';
import { SLOT_COUNT } from '@tessera/slot';
import type { ClusterLink, ClusterView, Myself, NodeAddress } from './cluster-view.js';

export interface StaticViewOptions {
  /**
   * cluster-preferred-endpoint-type: what MOVED/ASK, CLUSTER SLOTS and CLUSTER SHARDS name as endpoints.
   * @default 'ip'
   */
  readonly preferredEndpointType?: PreferredEndpointType;
  /** Bus message counters for CLUSTER INFO (the agent's). @default none (zeros) */
  readonly stats?: ClusterInfoStats;
  /** Clock for COUNT-FAILURE-REPORTS (reports expire). @default Date.now */
  readonly now?: () => number;
  /** CLUSTER LINKS entries (the agent's bus links). @default [] */
  readonly links?: readonly ClusterLink[];
}

/** The endpoint text of `node` (redis getPreferredEndpoint). */
export function preferredEndpointOf(node: ClusterNode, type: PreferredEndpointType): string {
  if (type === 'ip') return node.ip;
  if (type === 'hostname') return node.hostname ? node.hostname : '?';
  return '';
}

export class StaticClusterView implements ClusterView {
  readonly myself: Myself;
  readonly slotOwners: readonly (NodeAddress | null)[];
  readonly migrating: ReadonlyMap<number, NodeAddress>;
  readonly importing: ReadonlyMap<number, NodeAddress>;
  readonly state: 'ok' | 'fail';
  private readonly endpointType: PreferredEndpointType;
  private nodesText: string | undefined;
  private slotsReply: ClusterSlotsRange[] | undefined;
  private shardsReply: Shard[] | undefined;
  private infoText: string | undefined;

  constructor(
    /** The cluster-model state this view shows. */
    readonly model: ClusterState,
    private readonly options: StaticViewOptions = {},
  ) {
    this.endpointType = options.preferredEndpointType ?? 'ip';
    const addresses = new Map<string, NodeAddress>();
    const addressOf = (id: string): NodeAddress => {
      let address = addresses.get(id);
      if (address === undefined) {
        const node = model.nodes.get(id);
        address = node
          ? { id, endpoint: preferredEndpointOf(node, this.endpointType), port: node.port }
          : { id, endpoint: '', port: 0 }; // a migration peer the state has no address for
        addresses.set(id, address);
      }
      return address;
    };
    const me = model.nodes.get(model.myselfId) as ClusterNode;
    this.myself = {
      ...addressOf(me.id),
      role: isReplica(me) ? 'replica' : 'master',
      masterId: isReplica(me) ? me.masterId : null,
      shardId: me.shardId,
    };
    const owners = new Array<NodeAddress | null>(SLOT_COUNT);
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const owner = model.slotOwners[slot] ?? null;
      owners[slot] = owner === null ? null : addressOf(owner);
    }
    this.slotOwners = owners;
    this.migrating = new Map([...model.migratingTo].map(([slot, id]) => [slot, addressOf(id)]));
    this.importing = new Map([...model.importingFrom].map(([slot, id]) => [slot, addressOf(id)]));
    this.state = model.health;
  }

  clusterNodes(): string {
    return (this.nodesText ??= renderClusterNodes(this.model));
  }

  clusterSlots(): readonly ClusterSlotsRange[] {
    return (this.slotsReply ??= renderClusterSlots(this.model, {
      preferredEndpointType: this.endpointType,
    }));
  }

  clusterShards(): readonly Shard[] {
    return (this.shardsReply ??= renderClusterShards(this.model, {
      preferredEndpointType: this.endpointType,
    }));
  }

  clusterInfo(): string {
    return (this.infoText ??= renderClusterInfo(this.model, this.options.stats));
  }

  replicas(nodeId: string): ReplicasOutcome {
    return renderClusterReplicas(this.model, nodeId);
  }

  countFailureReports(nodeId: string): CountOutcome {
    return renderCountFailureReports(this.model, nodeId, (this.options.now ?? Date.now)());
  }

  links(): readonly ClusterLink[] {
    return this.options.links ?? [];
  }

  nodeAddress(nodeId: string): { readonly ip: string; readonly port: number } | null {
    const node = this.model.nodes.get(nodeId);
    return node === undefined || node.ip === '' || node.port === 0 ? null : { ip: node.ip, port: node.port };
  }
}
