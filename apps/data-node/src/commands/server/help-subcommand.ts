// The HELP of commands with subcommands, replied like Redis's addReplyHelp (redis src/networking.c): a
// header line, the command's own lines, then the HELP entry, each as a status reply. Containers (CLIENT,
// CONFIG, MEMORY, OBJECT, PUBSUB...) get a `help` subcommand spec; DEBUG, a plain command, the handler only.
import type { CommandContext } from '../command-context.js';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

/** COMMAND DOCS fields of a `<container> HELP` that differ from most. */
export interface HelpDocs {
  /** @default '5.0.0' */
  since?: string;
  /** @default 'server' */
  group?: string;
}

/**
 * A `<container> HELP` spec listing `lines` (two lines per subcommand: usage, then indented description).
 * `categories` are the ACL categories Redis gives that HELP (CLIENT and COMMAND add `connection`, OBJECT
 * `keyspace`).
 */
export function helpSubcommand(
  container: string,
  lines: readonly string[],
  categories: readonly string[] = ['slow'],
  docs: HelpDocs = {},
): CommandSpec {
  return {
    name: 'help',
    arity: 2,
    flags: ['loading', 'stale'],
    categories,
    keys: NO_KEYS,
    docs: {
      summary: 'Show helpful text about the different subcommands',
      since: docs.since ?? '5.0.0',
      group: docs.group ?? 'server',
      complexity: 'O(1)',
    },
    handler: helpHandler(container, lines),
  };
}

/** A handler replying the help of `command` with its `lines`. */
export function helpHandler(command: string, lines: readonly string[]): (ctx: CommandContext) => void {
  const all = [
    `${command.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
    ...lines,
    'HELP',
    '    Prints this help.',
  ];
  return (ctx) => {
    ctx.reply.arrayHeader(all.length);
    for (const line of all) ctx.reply.simple(line);
  };
}
