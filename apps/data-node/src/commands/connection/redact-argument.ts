// Hides a secret argument (a password) from SLOWLOG once the command has used it, like Redis's
// redactClientCommandArgument: the argument vector is what the slow path records after the handler returns.
import type { CommandContext } from '../command-context.js';

const REDACTED = Buffer.from('(redacted)');

export function redactArgument(ctx: CommandContext, index: number): void {
  if (index < ctx.args.length) ctx.args[index] = REDACTED;
}
