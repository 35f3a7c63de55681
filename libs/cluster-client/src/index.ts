// Public entry of @tessera/cluster-client: the cluster-aware client (slot cache from CLUSTER SLOTS,
// MOVED/ASK/TRYAGAIN/CLUSTERDOWN handling, pooled pipelined connections, timeouts, backoff), the single-node
// Connection it is built on, the typed redirects and errors. Curated named exports (style rule 17).
export { ClusterClient } from './lib/client/cluster-client.js';
export type { ClusterClientStats, PipelineCommand, SendOptions } from './lib/client/cluster-client.js';
export { DEFAULT_CLUSTER_CLIENT_OPTIONS } from './lib/client/cluster-client-options.js';
export type { ClusterClientOptions } from './lib/client/cluster-client-options.js';
export type { RedirectCounts } from './lib/client/command-executor.js';
export { Connection, CONNECTION_STATES, IGNORE_REPLY } from './lib/connection/connection.js';
export type {
  ConnectionEvents,
  ConnectionOptions,
  ConnectionState,
  ReplySink,
} from './lib/connection/connection.js';
export {
  DEFAULT_CONNECTION_SETTINGS,
  resolveConnectionSettings,
} from './lib/connection/connection-settings.js';
export type { ConnectionSettings, ResolvedConnectionSettings } from './lib/connection/connection-settings.js';
export {
  ClientClosedError,
  CLUSTER_CLIENT_ERROR_CODES,
  ClusterClientError,
  ClusterDiscoveryError,
  ConnectFailedError,
  ConnectionClosedError,
  ConnectionError,
  CrossSlotError,
  HandshakeFailedError,
  InvalidOptionError,
  InvalidRedirectError,
  MaxRedirectionsError,
  MovedToSelfError,
  NoNodeError,
  ProtocolError,
  TimeoutError,
  TopologyInvalidError,
} from './lib/errors.js';
export type { ClusterClientErrorCode } from './lib/errors.js';
export type { ClusterClientLogger } from './lib/logger.js';
export { AskError } from './lib/redirect/ask-error.js';
export { ClusterDownError } from './lib/redirect/cluster-down-error.js';
export { MovedError } from './lib/redirect/moved-error.js';
export { parseRedirect } from './lib/redirect/parse-redirect.js';
export type { Redirect } from './lib/redirect/parse-redirect.js';
export { TryAgainError } from './lib/redirect/try-again-error.js';
export { COMMAND_KEY_SPECS } from './lib/routing/command-keys.js';
export type { KeySpec } from './lib/routing/command-keys.js';
export type { RedisArg } from './lib/routing/normalize-args.js';
export { nodeAddress } from './lib/topology/node-address.js';
export type { NodeAddress, SeedAddress } from './lib/topology/node-address.js';
export { parseClusterSlots } from './lib/topology/parse-cluster-slots.js';
export type { ClusterNode, SlotRangeOwner } from './lib/topology/parse-cluster-slots.js';
export type { ClusterNodeInfo } from './lib/topology/slot-table.js';
