// The handler of every CLUSTER subcommand that changes the configuration: the words after CLUSTER go to the
// agent link as they were sent, and its answer (given once the new topology is the router's view) is the
// reply. The in-process link answers at once, so the subcommands run inside MULTI/EXEC like any command and
// EXEC returns their errors inline. The gossip-agent answers later: the client is suspended (its pipelined
// commands wait, in order) until the answer comes or AGENT_REPLY_TIMEOUT_MS passes; inside EXEC, which
// cannot wait, the subcommand answers Err.agentSubcommandInMulti instead (a deviation from Redis).
import { AGENT_REPLY_TIMEOUT_MS, type AgentReply } from '../../cluster/agent-link.js';
import { writeAgentReply } from '../../cluster/reply-value.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { clusterRouterOf } from './cluster-router-of.js';

export function forwardToAgent(ctx: CommandContext): void {
  const router = clusterRouterOf(ctx);
  if (router === null) return;
  const agent = router.agent;
  if (ctx.inExec && !agent.answersAtOnce) {
    ctx.error(Err.agentSubcommandInMulti(ctx.arg(1)));
    return;
  }
  const args: string[] = [];
  for (let i = 1; i < ctx.argc; i++) args.push(ctx.arg(i));
  const reply = agent.forward(args, { clientAddress: ctx.client.addr });
  if (!(reply instanceof Promise)) {
    writeAgentReply(ctx.reply, (text) => ctx.error(text), reply);
    return;
  }
  ctx.suspend<AgentReply>({
    promise: reply,
    timeoutMs: AGENT_REPLY_TIMEOUT_MS,
    answer: (out, outcome) => {
      if (outcome.ok) writeAgentReply(out.writer, (text) => out.error(text), outcome.value);
      else out.error(Err.agentTimeout);
    },
  });
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
