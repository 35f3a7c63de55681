// Node flags between the model's names (`NODE_FLAGS` of @tessera/cluster-model, Redis's CLUSTER NODES words) and
// the NodeFlag enum of proto/tessera/cluster/v1/node.proto. `myself` has no wire value (the receiver knows its
// own id) and is dropped when encoding; MIGRATE_TO, UNSPECIFIED and values this build does not know are
// dropped when decoding, as node.proto asks (forward compatibility). Pure: no I/O.
import { normalizeFlags, type NodeFlag } from '@tessera/cluster-model';
import { NodeFlag as ProtoNodeFlag } from '@tessera/proto';

/** Model flag -> its NodeFlag value, or `null` for a flag that is never sent. */
const FLAG_TO_PROTO = {
  /** Local bookkeeping (CLUSTER_NODE_MYSELF): not on the wire. */
  myself: null,
  master: ProtoNodeFlag.NODE_FLAG_MASTER,
  replica: ProtoNodeFlag.NODE_FLAG_REPLICA,
  pfail: ProtoNodeFlag.NODE_FLAG_PFAIL,
  fail: ProtoNodeFlag.NODE_FLAG_FAIL,
  handshake: ProtoNodeFlag.NODE_FLAG_HANDSHAKE,
  noaddr: ProtoNodeFlag.NODE_FLAG_NOADDR,
  nofailover: ProtoNodeFlag.NODE_FLAG_NOFAILOVER,
} as const satisfies Record<NodeFlag, ProtoNodeFlag | null>;

const FLAG_FROM_PROTO: ReadonlyMap<number, NodeFlag> = new Map(
  (Object.entries(FLAG_TO_PROTO) as [NodeFlag, ProtoNodeFlag | null][])
    .filter((entry): entry is [NodeFlag, ProtoNodeFlag] => entry[1] !== null)
    .map(([flag, value]) => [value, flag] as const),
);

/** The wire form of `flags`, in the model's order; `myself` is left out. */
export function flagsToProto(flags: readonly NodeFlag[]): ProtoNodeFlag[] {
  const values: ProtoNodeFlag[] = [];
  for (const flag of normalizeFlags(flags)) {
    const value = FLAG_TO_PROTO[flag];
    if (value !== null) values.push(value);
  }
  return values;
}

/**
 * The model flags of a repeated NodeFlag field, in the model's order without duplicates. Values the model has
 * no name for (MIGRATE_TO, UNSPECIFIED, newer flags) are dropped; so is anything that is not a number.
 */
export function flagsFromProto(values: readonly unknown[]): NodeFlag[] {
  const flags: NodeFlag[] = [];
  for (const value of values) {
    const flag = typeof value === 'number' ? FLAG_FROM_PROTO.get(value) : undefined;
    if (flag !== undefined) flags.push(flag);
  }
  return normalizeFlags(flags);
}
