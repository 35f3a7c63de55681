// cluster-preferred-endpoint-type: what CLUSTER SLOTS, CLUSTER SHARDS (and MOVED/ASK) give clients as a node's
// endpoint (redis src/cluster.c 7.0 `getPreferredEndpoint`). Pure: no I/O.
import type { ClusterNode } from '../model/cluster-node.js';

export const PREFERRED_ENDPOINT_TYPES = {
  /** The node's IP address (Redis's default). */
  ip: 'ip',
  /** The announced hostname, `?` when the node has none. */
  hostname: 'hostname',
  /** No endpoint: clients reuse the address they connected to (NULL in CLUSTER SLOTS, "" in SHARDS). */
  unknownEndpoint: 'unknown-endpoint',
} as const;

export type PreferredEndpointType = (typeof PREFERRED_ENDPOINT_TYPES)[keyof typeof PREFERRED_ENDPOINT_TYPES];

export interface EndpointOptions {
  /**
   * cluster-preferred-endpoint-type.
   * @default 'ip'
   */
  readonly preferredEndpointType?: PreferredEndpointType;
}

/** The endpoint text; `null` for unknown-endpoint (CLUSTER SLOTS replies NULL there). */
export function preferredEndpoint(node: ClusterNode, type: PreferredEndpointType): string | null {
  if (type === 'ip') return node.ip;
  if (type === 'hostname') return node.hostname ? node.hostname : '?';
  return null;
}
