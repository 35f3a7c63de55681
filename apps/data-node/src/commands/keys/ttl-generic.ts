// The body of TTL, PTTL, EXPIRETIME and PEXPIRETIME (redis 7.0 src/expire.c ttlGenericCommand): -2 when the
// key does not exist, -1 when it has no TTL, else the remaining time (never negative) or the absolute time,
// in ms or in seconds rounded to the nearest ((ms + 500) / 1000). Not an access for LRU/LFU.
import type { CommandContext } from '../command-context.js';

export function ttlCommand(ctx: CommandContext, inMs: boolean, absolute: boolean): void {
  const key = ctx.arg(1);
  const db = ctx.db;
  if (db.lookupReadNoTouch(key) === undefined) {
    ctx.reply.integer(-2);
    return;
  }
  const expire = db.getExpireExact(key);
  if (expire === undefined) {
    ctx.reply.integer(-1);
  } else if (typeof expire === 'bigint') {
    let ttl = absolute ? expire : expire - BigInt(ctx.server.now());
    if (ttl < 0n) ttl = 0n;
    ctx.reply.integer(inMs ? ttl : (ttl + 500n) / 1000n);
  } else {
    const ttl = Math.max(0, absolute ? expire : expire - ctx.server.now());
    ctx.reply.integer(inMs ? ttl : Math.floor((ttl + 500) / 1000));
  }
}
