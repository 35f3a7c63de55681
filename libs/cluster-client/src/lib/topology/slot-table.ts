// The routing cache: slot -> shard (master + replicas), built from CLUSTER SLOTS and patched one slot at
// a time on MOVED. Lookups are one array read. Pure data structure: no I/O here.
import { SLOT_COUNT, type SlotRange } from '@tessera/slot';
import type { NodeAddress } from './node-address.js';
import type { ClusterNode, SlotRangeOwner } from './parse-cluster-slots.js';

export interface Shard {
  readonly master: ClusterNode;
  readonly replicas: readonly ClusterNode[];
}

/** A node as `ClusterClient.nodes()` lists it. */
export interface ClusterNodeInfo {
  readonly address: NodeAddress;
  readonly id: string | null;
  readonly role: 'master' | 'replica';
  /** For a replica, the master it copies. */
  readonly master: NodeAddress | null;
  /** Slots served (a replica lists its master's), as maximal ranges. */
  readonly slots: readonly SlotRange[];
}

export class SlotTable {
  readonly #owners: (Shard | undefined)[] = new Array<Shard | undefined>(SLOT_COUNT);
  readonly #shards: Shard[] = [];
  /** masters(), computed on first use after a change. */
  #masters: NodeAddress[] | null = null;

  /** A table from CLUSTER SLOTS ranges; ranges of one master share one shard. */
  static fromRanges(ranges: readonly SlotRangeOwner[]): SlotTable {
    const table = new SlotTable();
    const byMaster = new Map<string, Shard>();
    for (const range of ranges) {
      let shard = byMaster.get(range.master.address.key);
      if (shard === undefined) {
        shard = { master: range.master, replicas: range.replicas };
        byMaster.set(range.master.address.key, shard);
        table.#shards.push(shard);
      }
      for (let slot = range.start; slot <= range.end; slot++) table.#owners[slot] = shard;
    }
    return table;
  }

  /** The shard serving `slot`, if known. */
  shard(slot: number): Shard | undefined {
    return this.#owners[slot];
  }

  /** The master serving `slot`, if known. */
  master(slot: number): NodeAddress | undefined {
    return this.#owners[slot]?.master.address;
  }

  /** Records that `master` serves `slot` (after MOVED), reusing its shard when it is known. */
  patch(slot: number, master: NodeAddress): void {
    let shard = this.#shards.find((known) => known.master.address.key === master.key);
    if (shard === undefined) {
      shard = { master: { address: master, id: null }, replicas: [] };
      this.#shards.push(shard);
    }
    this.#owners[slot] = shard;
    this.#masters = null;
  }

  /** Every master that serves at least one slot. */
  masters(): readonly NodeAddress[] {
    this.#masters ??= this.#served().map((shard) => shard.master.address);
    return this.#masters;
  }

  /** Every master and replica of the shards that serve slots. */
  nodes(): ClusterNodeInfo[] {
    const ranges = new Map<Shard, SlotRange[]>();
    let current: Shard | undefined;
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const shard = this.#owners[slot];
      if (shard === undefined) {
        current = undefined;
        continue;
      }
      const list = ranges.get(shard) ?? [];
      if (shard === current) (list[list.length - 1] as { end: number }).end = slot;
      else list.push({ start: slot, end: slot });
      ranges.set(shard, list);
      current = shard;
    }
    const nodes: ClusterNodeInfo[] = [];
    for (const [shard, slots] of ranges) {
      const master = shard.master;
      nodes.push({ address: master.address, id: master.id, role: 'master', master: null, slots });
      for (const replica of shard.replicas) {
        nodes.push({
          address: replica.address,
          id: replica.id,
          role: 'replica',
          master: master.address,
          slots,
        });
      }
    }
    return nodes;
  }

  #served(): Shard[] {
    const served = new Set<Shard>();
    for (const shard of this.#owners) if (shard !== undefined) served.add(shard);
    return [...served];
  }
}
