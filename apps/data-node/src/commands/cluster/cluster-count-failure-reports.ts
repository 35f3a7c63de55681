// CLUSTER COUNT-FAILURE-REPORTS node-id: how many masters currently report the node as failing (reports
// older than node-timeout * 2 do not count); `ERR Unknown node <id>` otherwise. Needs a view that carries
// failure reports (the agent's snapshots do; a view without them answers that it cannot tell).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { clusterRouterOf } from './cluster-router-of.js';

/** Not a Redis text: the topology view in use has no failure reports to count. */
export const NO_FAILURE_REPORTS =
  'ERR CLUSTER COUNT-FAILURE-REPORTS is not available: the topology view of this data-node carries no failure reports';

export const clusterCountFailureReports = {
  name: 'count-failure-reports',
  arity: 3,
  flags: ['admin', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Return the number of failure reports active for a given node',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(N) where N is the number of failure reports',
  },
  handler(ctx) {
    const router = clusterRouterOf(ctx);
    if (router === null) return;
    const outcome = router.view.countFailureReports?.(ctx.arg(2));
    if (outcome === undefined) ctx.error(NO_FAILURE_REPORTS);
    else if (!outcome.ok) ctx.error(outcome.error.message);
    else ctx.reply.integer(outcome.count);
  },
} satisfies CommandSpec;
