// READONLY: on a replica, this connection may read the slots of the replica's master instead of being
// redirected to it (non-write commands only). Lasts until READWRITE or RESET.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const readonly = {
  name: 'readonly',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Enables read queries for a connection to a cluster replica node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) === null) return;
    ctx.client.readonly = true;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
