// PUBSUB CHANNELS|NUMSUB|NUMPAT|SHARDCHANNELS|SHARDNUMSUB|HELP: introspection of the pub/sub state.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { globMatch } from '../../util/glob-match.js';
import type { CommandContext } from '../command-context.js';
import { helpHandler } from '../server/help-subcommand.js';

const base = {
  flags: ['pubsub', 'loading', 'stale'],
  categories: ['pubsub', 'slow'],
  keys: NO_KEYS,
} as const;

function listChannels(ctx: CommandContext, index: Map<string, unknown>): void {
  const pattern = ctx.argc === 3 ? ctx.arg(2) : null;
  const names = [...index.keys()].filter((name) => pattern === null || globMatch(pattern, name));
  ctx.reply.arrayHeader(names.length);
  for (const name of names) ctx.reply.bulk(name);
}

function countSubscribers(ctx: CommandContext, index: Map<string, Set<unknown>>): void {
  ctx.reply.arrayHeader((ctx.argc - 2) * 2);
  for (let i = 2; i < ctx.argc; i++) {
    const name = ctx.arg(i);
    ctx.reply.bulk(name);
    ctx.reply.integer(index.get(name)?.size ?? 0);
  }
}

const HELP = [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
];

export const pubsub = {
  name: 'pubsub',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for Pub/Sub commands.',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    { ...base, name: 'channels', arity: -2, handler: (ctx) => listChannels(ctx, ctx.server.pubsub.channels) },
    {
      ...base,
      name: 'shardchannels',
      arity: -2,
      handler: (ctx) => listChannels(ctx, ctx.server.pubsub.shardChannels),
    },
    {
      ...base,
      name: 'numsub',
      arity: -2,
      handler: (ctx) => countSubscribers(ctx, ctx.server.pubsub.channels),
    },
    {
      ...base,
      name: 'shardnumsub',
      arity: -2,
      handler: (ctx) => countSubscribers(ctx, ctx.server.pubsub.shardChannels),
    },
    {
      ...base,
      name: 'numpat',
      arity: 2,
      handler: (ctx) => ctx.reply.integer(ctx.server.pubsub.patterns.size),
    },
    {
      ...base,
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      handler: helpHandler('pubsub', HELP),
    },
  ],
  handler(ctx) {
    ctx.error(`ERR unknown subcommand '${ctx.argc > 1 ? ctx.arg(1) : ''}'. Try PUBSUB HELP.`);
  },
} satisfies CommandSpec;
