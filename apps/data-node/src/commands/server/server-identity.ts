// What the data-node says it is. Clients and tools branch on the Redis version (redis-cli, ioredis and
// node-redis pick RESP3, COMMAND DOCS and CLUSTER SHARDS support from it), so HELLO and INFO report the
// Redis release whose behaviour the data-node implements: 7.0.15, the Debian 12 redis-server that the
// differential tests use as their oracle.

/** The Redis release whose commands, replies and error texts the data-node reproduces. */
export const REDIS_VERSION = '7.0.15';
