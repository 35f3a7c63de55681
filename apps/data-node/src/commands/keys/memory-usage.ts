// MEMORY USAGE key [SAMPLES count]: the estimated bytes of the key and its value, from the same estimate
// that maxmemory accounting uses (keyspace/values.ts), so SAMPLES is checked but not needed. Like Redis
// (redis src/object.c memoryCommand) it reads the key without expiring it; nil when missing.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { KEY_OVERHEAD_BYTES, valueBytes } from '../../keyspace/values.js';
import { parseInt64 } from '../../util/int64.js';

export const memoryUsage = {
  name: 'usage',
  arity: -3,
  flags: ['readonly'],
  categories: ['read', 'slow'],
  keys: { first: 2, last: 2, step: 1 },
  docs: {
    summary: 'Estimate the memory usage of a key',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of samples.',
  },
  handler(ctx) {
    for (let i = 3; i < ctx.argc; i += 2) {
      if (ctx.option(i) !== 'SAMPLES' || i + 1 >= ctx.argc) {
        ctx.error(Err.syntax);
        return;
      }
      const samples = parseInt64(ctx.arg(i + 1));
      if (samples === null) {
        ctx.error(Err.notInteger);
        return;
      }
      if (samples < 0) {
        ctx.error(Err.syntax);
        return;
      }
    }
    const key = ctx.arg(2);
    const value = ctx.db.peek(key);
    if (value === undefined) ctx.reply.nullBulk();
    else ctx.reply.integer(KEY_OVERHEAD_BYTES + key.length + valueBytes(value));
  },
} satisfies CommandSpec;
