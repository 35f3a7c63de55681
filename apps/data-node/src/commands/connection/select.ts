// SELECT index: the data-node has a single database, so only 0 is accepted (others: Redis's "out of
// range" text). In cluster mode any other index answers Redis's cluster text first, as redis-server does.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export const select = {
  name: 'select',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Changes the selected database.',
    since: '1.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const index = parseInt64(ctx.arg(1));
    if (index === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (index < INT_MIN || index > INT_MAX) {
      ctx.error(Err.intOutOfRange(INT_MIN, INT_MAX));
      return;
    }
    // Cluster hook: redis-server checks cluster mode before the range (db.c selectCommand).
    if (index !== 0 && ctx.server.config.getBool('cluster-enabled')) {
      ctx.error(Err.selectInCluster);
      return;
    }
    if (index !== 0) {
      ctx.error(Err.dbIndexOutOfRange);
      return;
    }
    ctx.client.db = 0;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
