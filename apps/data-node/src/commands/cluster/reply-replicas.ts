// The reply of CLUSTER REPLICAS and CLUSTER SLAVES node-id: the CLUSTER NODES lines of the master's replicas
// as bulk strings (without the `\n`), or Redis's refusal (unknown node, not a master).
import type { CommandContext } from '../command-context.js';
import { clusterRouterOf } from './cluster-router-of.js';

export function replyReplicas(ctx: CommandContext): void {
  const router = clusterRouterOf(ctx);
  if (router === null) return;
  const outcome = router.view.replicas(ctx.arg(2));
  if (!outcome.ok) {
    ctx.error(outcome.error.message);
    return;
  }
  ctx.reply.arrayHeader(outcome.lines.length);
  for (const line of outcome.lines) ctx.reply.bulk(line);
}
