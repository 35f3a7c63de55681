// READWRITE: ends READONLY; reads of a master's slots on its replica are redirected again.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const readwrite = {
  name: 'readwrite',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Disables read queries for a connection to a cluster replica node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) === null) return;
    ctx.client.readonly = false;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
