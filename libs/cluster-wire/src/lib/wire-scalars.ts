// The scalar conversions every converter of this lib shares: NodeId messages <-> model node ids (exactly 40
// lowercase hex, common.proto), uint64 millisecond times (bigint on the wire) <-> the model's ms numbers,
// ports, uint64 epochs, and the ClusterState enum <-> the model's cluster health. Each check throws a WireError
// naming the field. Pure: no I/O.
import { isEpoch, isNodeId, type ClusterHealth, type NodeId } from '@tessera/cluster-model';
import { ClusterState as ProtoClusterState, type NodeId as ProtoNodeId } from '@tessera/proto';
import { describeValue, WireError } from './errors.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_PORT = 65_535;

/** The NodeId message of a model id. */
export function nodeIdToProto(id: NodeId): ProtoNodeId {
  return { value: id };
}

/** The model id of a required NodeId field; WireError when it is absent or not 40 lowercase hex. */
export function nodeIdFromProto(value: ProtoNodeId | undefined, what: string): NodeId {
  if (value === undefined || value === null) throw new WireError(`${what} is missing`);
  const text: unknown = value.value;
  if (!isNodeId(text)) {
    throw new WireError(`${what} must be 40 lowercase hex characters, got ${describeValue(text)}`);
  }
  return text;
}

/** The model id of an optional NodeId field: `null` when absent, else as {@link nodeIdFromProto}. */
export function optionalNodeIdFromProto(value: ProtoNodeId | undefined, what: string): NodeId | null {
  return value === undefined || value === null ? null : nodeIdFromProto(value, what);
}

/** A shard id string field: `undefined` when empty (unknown), else it must be a node id. */
export function shardIdFromProto(value: string, what: string): NodeId | undefined {
  if (value === '' || value === undefined) return undefined;
  if (!isNodeId(value)) {
    throw new WireError(`${what} must be empty or 40 lowercase hex characters, got ${describeValue(value)}`);
  }
  return value;
}

/** A model time or duration (ms, a non-negative safe integer) as a uint64. */
export function uint64FromMs(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new WireError(
      `${what} must be a non-negative integer of milliseconds, got ${describeValue(value)}`,
    );
  }
  return BigInt(value);
}

/** A uint64 ms field as a model number; WireError above 2^53-1 (not a time the model can hold). */
export function msFromUint64(value: bigint, what: string): number {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_SAFE) {
    throw new WireError(`${what} must be a uint64 of milliseconds up to 2^53-1, got ${describeValue(value)}`);
  }
  return Number(value);
}

/** A uint64 field (epoch, replication offset) checked as such: a bigint in 0..2^64-1. */
export function uint64FromProto(value: bigint, what: string): bigint {
  if (!isEpoch(value)) throw new WireError(`${what} must be a uint64, got ${describeValue(value)}`);
  return value;
}

/** A model bigint (epoch, offset) for a uint64 field; WireError outside 0..2^64-1. */
export function uint64ToProto(value: bigint, what: string): bigint {
  if (!isEpoch(value))
    throw new WireError(`${what} must be a bigint in 0..2^64-1, got ${describeValue(value)}`);
  return value;
}

/** A uint32 port field (client or bus port) as a model port in 0..65535. */
export function portFromProto(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PORT) {
    throw new WireError(`${what} must be a port in 0..65535, got ${describeValue(value)}`);
  }
  return value;
}

/** The ClusterState enum value of the model's cluster health. */
export function healthToProto(health: ClusterHealth): ProtoClusterState {
  return health === 'ok' ? ProtoClusterState.CLUSTER_STATE_OK : ProtoClusterState.CLUSTER_STATE_FAIL;
}

/** The model's health for a ClusterState value; `null` for UNSPECIFIED and values this build does not know. */
export function healthFromProto(state: ProtoClusterState): ClusterHealth | null {
  if (state === ProtoClusterState.CLUSTER_STATE_OK) return 'ok';
  if (state === ProtoClusterState.CLUSTER_STATE_FAIL) return 'fail';
  return null;
}
