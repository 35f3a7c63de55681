// CLIENT GETNAME: the connection's name, or a null bulk when it has none.
import type { CommandSpec } from '../command-spec.js';
import { CLIENT_BASE } from './client-base.js';

export const clientGetname = {
  ...CLIENT_BASE,
  name: 'getname',
  arity: 2,
  docs: {
    summary: 'Returns the name of the connection.',
    since: '2.6.9',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (ctx.client.name === '') ctx.reply.nullBulk();
    else ctx.reply.bulk(ctx.client.name);
  },
} satisfies CommandSpec;
