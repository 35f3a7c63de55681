// The handler of every CLUSTER subcommand that changes the configuration: the words after CLUSTER go to the
// agent link as they were sent, and its answer (given once the new topology is the router's view) is the
// reply. Runs inside MULTI/EXEC like any command, so EXEC returns each subcommand's error inline.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { clusterRouterOf } from './cluster-router-of.js';

export function forwardToAgent(ctx: CommandContext): void {
  const router = clusterRouterOf(ctx);
  if (router === null) return;
  const args: string[] = [];
  for (let i = 1; i < ctx.argc; i++) args.push(ctx.arg(i));
  const reply = router.agent.forward(args);
  if (reply.kind === 'ok') ctx.reply.simple('OK');
  else if (reply.kind === 'status') ctx.reply.simple(reply.text);
  else ctx.error(reply.text);
}

/**
 * For subcommands whose argument count Redis checks inside clusterCommand (MEET, RESET, FAILOVER): more than
 * `maxArgc` words (CLUSTER and the subcommand included) fall through to its subcommand syntax error.
 */
export function forwardUpTo(maxArgc: number): (ctx: CommandContext) => void {
  return (ctx) => {
    if (ctx.argc > maxArgc) {
      if (clusterRouterOf(ctx) !== null) ctx.error(Err.subcommandSyntax(ctx.arg(1), 'CLUSTER'));
      return;
    }
    forwardToAgent(ctx);
  };
}
