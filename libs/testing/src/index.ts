// Public entry of @tessera/testing: disposable real processes and helpers for integration tests.
export { freePort } from './lib/free-port.js';
export { ManagedProcess } from './lib/managed-process.js';
export type { ManagedProcessOptions } from './lib/managed-process.js';
export { MissingProgramError, requireProgram } from './lib/require-program.js';
export { DATA_NODE_MAIN, startDataNode } from './lib/start-data-node.js';
export type { DataNodeOptions } from './lib/start-data-node.js';
export { startRedisCluster } from './lib/start-redis-cluster.js';
export type {
  RedisClusterNode,
  RedisClusterOptions,
  RunningRedisCluster,
} from './lib/start-redis-cluster.js';
export { startRedisServer } from './lib/start-redis-server.js';
export type { RedisServerOptions, RunningServer } from './lib/start-redis-server.js';
export { waitForPort } from './lib/wait-for-port.js';
