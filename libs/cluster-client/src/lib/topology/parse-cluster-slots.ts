// Reads a CLUSTER SLOTS reply (redis src/cluster.c `clusterCommandSlots`):
// `[[start, end, [host, port, id, {meta}], [replica-host, port, id, {meta}]...], ...]`, RESP2 or RESP3.
// A null or empty host means "the endpoint you asked" (unknown-endpoint; the Redis docs say to reuse the
// queried host); `?` (no hostname announced) or port 0 cannot be connected to, so such a node is left out,
// and a range whose master is left out is skipped, as ioredis does. Anything not of this shape throws
// TopologyInvalidError. Pure: no I/O.
import type { RespValue } from '@tessera/resp';
import { isValidSlot } from '@tessera/slot';
import { TopologyInvalidError } from '../errors.js';
import { isValidPort, nodeAddress, type NodeAddress } from './node-address.js';

export interface ClusterNode {
  readonly address: NodeAddress;
  /** The 40-hex node id, when the reply carries one. */
  readonly id: string | null;
}

export interface SlotRangeOwner {
  readonly start: number;
  readonly end: number;
  readonly master: ClusterNode;
  readonly replicas: readonly ClusterNode[];
}

/** The slot ranges in `reply`; `queriedHost` stands in for null/empty hosts. */
export function parseClusterSlots(reply: RespValue, queriedHost: string): SlotRangeOwner[] {
  if (!Array.isArray(reply)) throw new TopologyInvalidError(`expected an array, got ${describe(reply)}`);
  const ranges: SlotRangeOwner[] = [];
  reply.forEach((entry, index) => {
    if (!Array.isArray(entry) || entry.length < 3) {
      throw new TopologyInvalidError(`entry ${index} is not [start, end, master, ...replicas]`);
    }
    const [start, end] = entry;
    if (!isValidSlot(start) || !isValidSlot(end) || start > end) {
      throw new TopologyInvalidError(`entry ${index} has slots ${describe(start)}-${describe(end)}`);
    }
    const master = parseNode(entry[2], queriedHost, index);
    if (master === null) return;
    const replicas: ClusterNode[] = [];
    for (const replica of entry.slice(3)) {
      const node = parseNode(replica, queriedHost, index);
      if (node !== null) replicas.push(node);
    }
    ranges.push({ start, end, master, replicas });
  });
  return ranges;
}

/** One `[host, port, id?, meta?]` node entry; null when it has no usable endpoint. */
function parseNode(value: RespValue | undefined, queriedHost: string, index: number): ClusterNode | null {
  if (!Array.isArray(value) || value.length < 2) {
    throw new TopologyInvalidError(`entry ${index} has a node that is not [host, port, id, meta]`);
  }
  const [hostValue, port, idValue] = value;
  const host = text(hostValue);
  if (host === undefined || typeof port !== 'number' || (port !== 0 && !isValidPort(port))) {
    throw new TopologyInvalidError(`entry ${index} has node ${describe(hostValue)}:${describe(port)}`);
  }
  if (host === '?' || port === 0) return null;
  const id = text(idValue) ?? null;
  return { address: nodeAddress(host === '' || host === null ? queriedHost : host, port), id };
}

/** A string, Buffer (as text) or null; undefined for anything else. */
function text(value: RespValue | undefined): string | null | undefined {
  if (value === null || typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : JSON.stringify(String(value));
}
