// CLIENT LIST [TYPE normal|master|replica|pubsub] | [ID id [id ...]]: one line per connection, in connection
// order (redis src/networking.c clientCommand LIST).
import type { CommandSpec } from '../command-spec.js';
import type { ClientState } from '../../server/client-state.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { CLIENT_ADMIN } from './client-base.js';
import { clientTypeOf, describeClient, parseClientType } from './client-description.js';

export const clientList = {
  ...CLIENT_ADMIN,
  name: 'list',
  arity: -2,
  docs: {
    summary: 'Lists open connections.',
    since: '2.4.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
  },
  handler(ctx) {
    const clients = ctx.server.clients;
    let selected: ClientState[];
    if (ctx.argc === 4 && ctx.option(2) === 'TYPE') {
      const type = parseClientType(ctx.arg(3));
      if (type === null) {
        ctx.error(Err.unknownClientType(ctx.arg(3)));
        return;
      }
      selected = [...clients.values()].filter((client) => clientTypeOf(client) === type);
    } else if (ctx.argc > 3 && ctx.option(2) === 'ID') {
      selected = [];
      for (let i = 3; i < ctx.argc; i++) {
        const id = parseInt64(ctx.arg(i));
        if (id === null) {
          ctx.error(Err.invalidClientId);
          return;
        }
        const client = clients.get(id);
        if (client !== undefined) selected.push(client);
      }
    } else if (ctx.argc !== 2) {
      ctx.error(Err.syntax);
      return;
    } else {
      selected = [...clients.values()];
    }
    const current = { client: ctx.client, fullName: 'client|list', args: ctx.args };
    let text = '';
    for (const client of selected) text += `${describeClient(ctx.server, client, current)}\n`;
    ctx.reply.verbatim(text);
  },
} satisfies CommandSpec;
