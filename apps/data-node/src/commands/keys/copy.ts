// COPY source destination [DB destination-db] [REPLACE] (redis 7.0 src/db.c copyCommand): copies the value
// and its TTL. There is one database, so `DB` accepts only 0: in cluster mode other indexes below
// `databases` get Redis's cluster refusal, and everything else `ERR DB index is out of range` (what
// redis-server answers past its `databases`). 1 when copied, 0 when the source is missing or the destination
// exists without REPLACE.
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { isCollection, type Value } from '../../keyspace/values.js';
import { parseInt64 } from '../../util/int64.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
const INT_RANGE_ERROR = `ERR value is out of range, value must between ${INT_MIN} and ${INT_MAX}`;

/** Parses `[DB n] [REPLACE]` from argv[3] on; whether REPLACE was given, or null after replying. */
function parseOptions(ctx: CommandContext): boolean | null {
  let replace = false;
  for (let i = 3; i < ctx.argc; i++) {
    const option = ctx.option(i);
    if (option === 'REPLACE') {
      replace = true;
    } else if (option === 'DB' && i + 1 < ctx.argc) {
      const db = parseInt64(ctx.arg(++i));
      if (db === null) {
        ctx.error(Err.notInteger);
        return null;
      }
      if (db > INT_MAX || db < INT_MIN) {
        ctx.error(INT_RANGE_ERROR); // Redis's getIntFromObjectOrReply
        return null;
      }
      if (db !== 0) {
        const config = ctx.server.config;
        const inRange = db > 0 && db < config.getNumber('databases');
        ctx.error(
          inRange && config.getBool('cluster-enabled')
            ? 'ERR Copying to another database is not allowed in cluster mode'
            : Err.dbIndexOutOfRange,
        );
        return null;
      }
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return replace;
}

function duplicate(value: Value): Value {
  if (isCollection(value)) return value.clone();
  return typeof value === 'string' ? value : Buffer.from(value);
}

export const copy = {
  name: 'copy',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['keyspace', 'write', 'slow'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary: 'Copy a key',
    since: '6.2.0',
    group: 'generic',
    complexity:
      'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
  },
  handler(ctx) {
    const replace = parseOptions(ctx);
    if (replace === null) return;
    const from = ctx.arg(1);
    const to = ctx.arg(2);
    if (from === to) {
      ctx.error('ERR source and destination objects are the same');
      return;
    }
    const db = ctx.db;
    const value = db.lookupRead(from);
    if (value === undefined || (!replace && db.lookupWrite(to) !== undefined)) {
      ctx.reply.integer(0);
      return;
    }
    const expire = db.getExpireExact(from);
    if (replace) db.delete(to); // the copy is a new object (fresh LRU/LFU data), as in Redis
    db.set(to, duplicate(value));
    if (typeof expire === 'bigint') db.setExpire(to, Number(expire), expire);
    else if (expire !== undefined) db.setExpire(to, expire);
    ctx.reply.integer(1);
  },
} satisfies CommandSpec;
