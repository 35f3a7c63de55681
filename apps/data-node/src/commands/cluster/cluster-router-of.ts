// Every CLUSTER subcommand (and ASKING, READONLY, READWRITE) first needs cluster mode: in standalone mode
// it answers Redis's `ERR This instance has cluster support disabled` (redis src/cluster.c clusterCommand).
import type { ClusterRouter } from '../../cluster/cluster-router.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

/** The node's cluster router, or null after replying that cluster support is disabled. */
export function clusterRouterOf(ctx: CommandContext): ClusterRouter | null {
  const router = ctx.server.dispatcher.router;
  if (router === null) ctx.error(Err.clusterDisabled);
  return router;
}
