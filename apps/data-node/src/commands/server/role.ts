// ROLE (redis 7.0 src/replication.c roleCommand): a master answers ["master", master_repl_offset,
// [[ip, port, acked offset]...]] (online replicas only, port and offset as bulk strings); a replica
// ["slave", master ip, master port, link state, offset applied or -1 while it has no link].
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const role = {
  name: 'role',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast'],
  categories: ['admin', 'fast', 'dangerous'],
  keys: NO_KEYS,
  docs: { summary: 'Returns the replication role.', since: '2.8.12', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    const replication = ctx.server.replication;
    const reply = ctx.reply;
    const link = replication.link;
    if (replication.role === 'replica' && link !== null) {
      reply.arrayHeader(5);
      reply.bulk('slave');
      reply.bulk(link.host);
      reply.integer(link.port);
      reply.bulk(link.status);
      reply.integer(link.status === 'connected' ? replication.state.offset : -1);
      return;
    }
    const online = [...replication.hub.sessions].filter((session) => session.state === 'online');
    reply.arrayHeader(3);
    reply.bulk('master');
    reply.integer(replication.state.offset);
    reply.arrayHeader(online.length);
    for (const session of online) {
      reply.arrayHeader(3);
      reply.bulk(session.ip);
      reply.bulk(String(session.port));
      reply.bulk(String(session.ackOffset));
    }
  },
} satisfies CommandSpec;
