// ROLE: the replication role. Replication does not exist yet, so always the master form:
// ["master", replication offset 0, no replicas].
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const role = {
  name: 'role',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast'],
  categories: ['admin', 'fast', 'dangerous'],
  keys: NO_KEYS,
  docs: { summary: 'Returns the replication role.', since: '2.8.12', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    ctx.reply.arrayHeader(3);
    ctx.reply.bulk('master');
    ctx.reply.integer(0);
    ctx.reply.arrayHeader(0);
  },
} satisfies CommandSpec;
