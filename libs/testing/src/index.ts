// Public entry of @tessera/testing: disposable real processes and helpers for integration tests.
export { callPort } from './lib/call-port.js';
export type { CallOptions } from './lib/call-port.js';
export {
  agreementProblem,
  CLUSTER_NODE_FLAGS,
  ClusterNodesFormatError,
  clusterView,
  formatSlots,
  myselfOf,
  parseClusterNodes,
  parseClusterNodesLine,
  unhealthyLines,
} from './lib/cluster-nodes.js';
export type { ClusterNodeFlag, ClusterNodesLine, ObservedView, OpenSlot } from './lib/cluster-nodes.js';
export { splitSlots, stripColours } from './lib/cluster-formation.js';
export { freePort } from './lib/free-port.js';
export { ManagedProcess } from './lib/managed-process.js';
export type { ManagedProcessOptions } from './lib/managed-process.js';
export { BUS_PORT_OFFSET, freePortPair, pickPortPair, portPairRange } from './lib/port-pair.js';
export type { PickPortPairOptions, PortPairRange } from './lib/port-pair.js';
export { childPids, isAlive, processState } from './lib/process-tree.js';
export { MissingProgramError, requireProgram } from './lib/require-program.js';
export { DATA_NODE_MAIN, startDataNode } from './lib/start-data-node.js';
export type { DataNodeOptions } from './lib/start-data-node.js';
export { FAILOVER_COORDINATOR_MAIN, startFailoverCoordinator } from './lib/start-failover-coordinator.js';
export type {
  FailoverCoordinatorOptions,
  RunningFailoverCoordinator,
} from './lib/start-failover-coordinator.js';
export { startRedisCluster } from './lib/start-redis-cluster.js';
export type {
  RedisClusterNode,
  RedisClusterOptions,
  RunningRedisCluster,
} from './lib/start-redis-cluster.js';
export { startRedisServer } from './lib/start-redis-server.js';
export type { RedisServerOptions, RunningServer } from './lib/start-redis-server.js';
export { startTesseraCluster, TEST_CLUSTER_SECRET } from './lib/start-tessera-cluster.js';
export type {
  AddNodeOptions,
  FormOptions,
  TesseraCluster,
  TesseraClusterOptions,
} from './lib/start-tessera-cluster.js';
export { TesseraNode } from './lib/tessera-node.js';
export type { TesseraNodeConfig } from './lib/tessera-node.js';
export { waitFor } from './lib/wait-for.js';
export type { WaitForOptions } from './lib/wait-for.js';
export { waitForPort } from './lib/wait-for-port.js';
export {
  createHostNetwork,
  NetworkNamespacesUnavailableError,
  requireNetworkNamespaces,
} from './lib/network-namespaces.js';
export type { HostNetwork, NetworkHost } from './lib/network-namespaces.js';
