// CONFIG GET pattern [pattern ...]: every directive whose name (or alias) matches a glob, as a map of name
// to value (RESP2: a flat array). An exact name echoes the name as asked (an alias stays an alias); each
// name appears once even when several patterns match it (redis src/config.c configGetCommand).
import type { CommandSpec } from '../command-spec.js';
import { findDirective } from '../../config/config-schema.js';
import { globMatch } from '../../util/glob-match.js';
import { CONFIG_ADMIN } from './config-base.js';

const GLOB_CHARS = /[*?[\\]/;

export const configGet = {
  ...CONFIG_ADMIN,
  name: 'get',
  arity: -3,
  docs: {
    summary: 'Returns the effective values of configuration parameters.',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
  },
  handler(ctx) {
    const config = ctx.server.config;
    const found = new Map<string, string>();
    for (let i = 2; i < ctx.argc; i++) {
      const pattern = ctx.arg(i).toLowerCase();
      if (!GLOB_CHARS.test(pattern)) {
        const directive = findDirective(pattern);
        if (directive !== undefined) found.set(pattern, config.get(directive.name));
        continue;
      }
      for (const [directive, value] of config.entries()) {
        if (globMatch(pattern, directive.name, true)) found.set(directive.name, value);
        for (const alias of directive.aliases ?? [])
          if (globMatch(pattern, alias, true)) found.set(alias, value);
      }
    }
    ctx.reply.mapHeader(found.size);
    for (const [name, value] of found) {
      ctx.reply.bulk(name);
      ctx.reply.bulk(value);
    }
  },
} satisfies CommandSpec;
