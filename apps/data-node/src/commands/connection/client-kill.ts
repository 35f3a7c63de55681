// CLIENT KILL ip:port | CLIENT KILL <filter> <value> ... with filters ID, TYPE, ADDR, LADDR, USER and SKIPME
// (redis src/networking.c clientCommand KILL, 7.0). The old form replies OK or "No such client"; the new
// one the number of connections closed. A connection that kills itself is closed after this reply.
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import type { ClientState } from '../../server/client-state.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { DEFAULT_USER } from './authenticate.js';
import { CLIENT_ADMIN } from './client-base.js';
import { clientTypeOf, parseClientType, type ClientType } from './client-description.js';

interface KillFilter {
  id: number | null;
  type: ClientType | null;
  addr: string | null;
  laddr: string | null;
  user: string | null;
  skipMe: boolean;
}

/** Parses the filters from argv[2] on; null after replying with the error. */
function parseFilter(ctx: CommandContext): KillFilter | null {
  if (ctx.argc === 3)
    return { id: null, type: null, addr: ctx.arg(2), laddr: null, user: null, skipMe: false };
  const filter: KillFilter = { id: null, type: null, addr: null, laddr: null, user: null, skipMe: true };
  for (let i = 2; i < ctx.argc; i += 2) {
    const option = ctx.option(i);
    if (i + 1 >= ctx.argc) {
      ctx.error(Err.syntax);
      return null;
    }
    const value = ctx.arg(i + 1);
    if (option === 'ID') {
      const id = parseInt64(value);
      if (id === null || id < 1) {
        ctx.error(Err.clientIdNotPositive);
        return null;
      }
      filter.id = id;
    } else if (option === 'TYPE') {
      filter.type = parseClientType(value);
      if (filter.type === null) {
        ctx.error(Err.unknownClientType(value));
        return null;
      }
    } else if (option === 'ADDR') {
      filter.addr = value;
    } else if (option === 'LADDR') {
      filter.laddr = value;
    } else if (option === 'USER') {
      if (value !== DEFAULT_USER) {
        ctx.error(Err.noSuchUser(value));
        return null;
      }
      filter.user = value;
    } else if (option === 'SKIPME') {
      const yesNo = value.toLowerCase();
      if (yesNo !== 'yes' && yesNo !== 'no') {
        ctx.error(Err.syntax);
        return null;
      }
      filter.skipMe = yesNo === 'yes';
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return filter;
}

function matches(filter: KillFilter, client: ClientState, self: ClientState): boolean {
  if (filter.id !== null && client.id !== filter.id) return false;
  if (filter.type !== null && clientTypeOf(client) !== filter.type) return false;
  if (filter.addr !== null && client.addr !== filter.addr) return false;
  if (filter.laddr !== null && client.laddr !== filter.laddr) return false;
  if (filter.user !== null && client.user !== filter.user) return false;
  return !(filter.skipMe && client === self);
}

export const clientKill = {
  ...CLIENT_ADMIN,
  name: 'kill',
  arity: -3,
  docs: {
    summary: 'Terminates open connections.',
    since: '2.4.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
  },
  handler(ctx) {
    const filter = parseFilter(ctx);
    if (filter === null) return;
    const self = ctx.client;
    let killed = 0;
    let killSelf = false;
    for (const client of ctx.server.clients.values()) {
      if (client.closing || !matches(filter, client, self)) continue;
      killed++;
      if (client === self) killSelf = true;
      else client.transport.kill(client, 'CLIENT KILL');
    }
    if (ctx.argc === 3) {
      if (killed === 0) ctx.error(Err.noSuchClient);
      else ctx.reply.simple('OK');
    } else {
      ctx.reply.integer(killed);
    }
    if (killSelf) self.transport.closeAfterReply(self);
  },
} satisfies CommandSpec;
