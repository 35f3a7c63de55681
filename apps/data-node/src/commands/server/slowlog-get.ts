// SLOWLOG GET [count]: the newest `count` entries (default 10, -1 for all), each
// [id, unix time, microseconds, [arguments], client address, client name].
import type { CommandSpec } from '../command-spec.js';
import { parseInt64 } from '../../util/int64.js';
import { Err } from '../reply-errors.js';
import { SLOWLOG_ADMIN } from './slowlog-base.js';

const DEFAULT_COUNT = 10;

export const slowlogGet = {
  ...SLOWLOG_ADMIN,
  name: 'get',
  arity: -2,
  docs: {
    summary: "Returns the slow log's entries.",
    since: '2.2.12',
    group: 'server',
    complexity: 'O(N) where N is the number of entries returned',
  },
  handler(ctx) {
    if (ctx.argc > 3) {
      ctx.error(Err.subcommandSyntax(ctx.arg(1), 'SLOWLOG'));
      return;
    }
    let count = DEFAULT_COUNT;
    if (ctx.argc === 3) {
      const parsed = parseInt64(ctx.arg(2));
      if (parsed === null || parsed < -1) {
        ctx.error(Err.slowlogCount);
        return;
      }
      count = parsed;
    }
    const entries = ctx.server.stats.slowlog.latest(count);
    const w = ctx.reply;
    w.arrayHeader(entries.length);
    for (const entry of entries) {
      w.arrayHeader(6);
      w.integer(entry.id);
      w.integer(entry.time);
      w.integer(entry.usec);
      w.arrayHeader(entry.args.length);
      for (const arg of entry.args) w.bulk(arg);
      w.bulk(entry.addr);
      w.bulk(entry.name);
    }
  },
} satisfies CommandSpec;
