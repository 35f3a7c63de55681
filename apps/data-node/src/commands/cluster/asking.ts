// ASKING: the client's next command may touch an IMPORTING slot (it follows an ASK redirect). A one-shot
// flag, cleared after the next command (kept through a MULTI block, as Redis does; see the dispatcher).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const asking = {
  name: 'asking',
  arity: 1,
  flags: ['fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Sent by cluster clients after an -ASK redirect',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) === null) return;
    ctx.client.asking = true;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
