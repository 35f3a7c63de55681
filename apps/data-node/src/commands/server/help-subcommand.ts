// The HELP subcommand of a container command, replied like Redis's addReplyHelp: a header line, the
// container's own lines, then the HELP entry, each as a status reply.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

/**
 * A `<container> HELP` spec listing `lines` (two lines per subcommand: usage, then indented description).
 * `categories` are the ACL categories Redis gives that HELP (CLIENT and COMMAND add `connection`).
 */
export function helpSubcommand(
  container: string,
  lines: readonly string[],
  categories: readonly string[] = ['slow'],
): CommandSpec {
  const name = container.toUpperCase();
  const all = [
    `${name} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
    ...lines,
    'HELP',
    '    Prints this help.',
  ];
  return {
    name: 'help',
    arity: 2,
    flags: ['loading', 'stale'],
    categories,
    keys: NO_KEYS,
    docs: {
      summary: 'Show helpful text about the different subcommands',
      since: '5.0.0',
      group: 'server',
      complexity: 'O(1)',
    },
    handler(ctx) {
      ctx.reply.arrayHeader(all.length);
      for (const line of all) ctx.reply.simple(line);
    },
  };
}
