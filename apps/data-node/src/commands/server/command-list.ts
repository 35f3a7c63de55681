// COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: command names, subcommands
// included as `container|sub` (redis src/server.c commandListCommand). No modules exist, so MODULE matches
// nothing; an unknown category matches nothing, as in Redis.
import type { CommandSpec } from '../command-spec.js';
import { globMatch } from '../../util/glob-match.js';
import { Err } from '../reply-errors.js';
import { COMMAND_BASE } from './command-base.js';
import { aclCategories } from './command-reply.js';

type Filter = (spec: CommandSpec, fullName: string) => boolean;

export const commandList = {
  ...COMMAND_BASE,
  name: 'list',
  arity: -2,
  docs: {
    summary: 'Returns a list of command names.',
    since: '7.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of Redis commands',
  },
  handler(ctx) {
    let filter: Filter = () => true;
    if (ctx.argc === 5 && ctx.option(2) === 'FILTERBY') {
      const value = ctx.arg(4);
      switch (ctx.option(3)) {
        case 'MODULE':
          filter = () => false;
          break;
        case 'ACLCAT': {
          const category = value.toLowerCase();
          filter = (spec) => aclCategories(spec).includes(category);
          break;
        }
        case 'PATTERN':
          filter = (_spec, fullName) => globMatch(value, fullName, true);
          break;
        default:
          ctx.error(Err.syntax);
          return;
      }
    } else if (ctx.argc !== 2) {
      ctx.error(Err.syntax);
      return;
    }
    const names: string[] = [];
    for (const spec of ctx.server.commands.all()) {
      if (filter(spec, spec.name)) names.push(spec.name);
      for (const sub of spec.subcommands ?? []) {
        const fullName = `${spec.name}|${sub.name}`;
        if (filter(sub, fullName)) names.push(fullName);
      }
    }
    ctx.reply.arrayHeader(names.length);
    for (const name of names) ctx.reply.bulk(name);
  },
} satisfies CommandSpec;
