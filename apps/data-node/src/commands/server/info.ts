// INFO [section ...]: the server's state as `field:value` lines grouped under `# Section` headers, every line
// ending in CRLF (redis-cli and ioredis split on "\r\n"). Sections are chosen by name (any case), `default`
// (no argument), `all` or `everything`; unknown names are ignored. Replies a bulk string (RESP3: verbatim).
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { ACTIVITY_SECTIONS } from './info-activity-sections.js';
import { HOST_SECTIONS } from './info-host-sections.js';
import type { InfoSection } from './info-section.js';

/** Every section, in Redis's output order. */
const SECTIONS: readonly InfoSection[] = [...HOST_SECTIONS, ...ACTIVITY_SECTIONS];

function selectedSections(ctx: CommandContext): InfoSection[] {
  if (ctx.argc === 1) return SECTIONS.filter((s) => s.inDefault);
  const names = new Set<string>();
  for (let i = 1; i < ctx.argc; i++) names.add(ctx.arg(i).toLowerCase());
  if (names.has('all') || names.has('everything')) return [...SECTIONS];
  return SECTIONS.filter((s) => names.has(s.name) || (names.has('default') && s.inDefault));
}

/** Renders the chosen sections as INFO text. */
export function renderInfo(ctx: CommandContext, sections: readonly InfoSection[]): string {
  let text = '';
  for (const section of sections) {
    if (text !== '') text += '\r\n';
    text += `# ${section.title}\r\n`;
    for (const line of section.lines(ctx)) text += `${line}\r\n`;
  }
  return text;
}

export const info = {
  name: 'info',
  arity: -1,
  flags: ['loading', 'stale'],
  categories: ['slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns information and statistics about the server.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.verbatim(renderInfo(ctx, selectedSections(ctx)));
  },
} satisfies CommandSpec;
