// The body of EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT (redis 7.0 src/expire.c expireGenericCommand): options
// NX|XX|GT|LT with their conflicts, then the time (int64; seconds beyond LLONG_MAX / 1000 or a sum with now
// beyond LLONG_MAX are "invalid expire time"), then the key. A time already past deletes the key (and still
// replies 1). A TTL is compared as infinite by GT/LT. Exact over the whole int64 range: times beyond 2^53
// ms are computed and stored as bigint too (Database.setExpire's `exact`).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { INT64_MAX, INT64_MIN, parseInt64 } from '../../util/int64.js';

/** Below this magnitude, `n * 1000 + now` is an exact double: no bigint needed. */
const SAFE_INPUT = 1e12;
const SECONDS_MAX = INT64_MAX / 1000n;
const SECONDS_MIN = INT64_MIN / 1000n;

const Condition = { none: 0, nx: 1, xx: 2, gt: 4, lt: 8 } as const;

/** Parses NX|XX|GT|LT from argv[3] on; a bit set of Condition, or -1 after replying with the error. */
function parseConditions(ctx: CommandContext): number {
  let flags: number = Condition.none;
  for (let i = 3; i < ctx.argc; i++) {
    const option = ctx.option(i);
    if (option === 'NX') flags |= Condition.nx;
    else if (option === 'XX') flags |= Condition.xx;
    else if (option === 'GT') flags |= Condition.gt;
    else if (option === 'LT') flags |= Condition.lt;
    else {
      ctx.error(`ERR Unsupported option ${ctx.arg(i)}`);
      return -1;
    }
  }
  if (flags & Condition.nx && flags & (Condition.xx | Condition.gt | Condition.lt)) {
    ctx.error('ERR NX and XX, GT or LT options at the same time are not compatible');
    return -1;
  }
  if (flags & Condition.gt && flags & Condition.lt) {
    ctx.error('ERR GT and LT options at the same time are not compatible');
    return -1;
  }
  return flags;
}

/** Whether the conditions allow replacing expiry `current` (undefined: no TTL, i.e. infinite) by `when`. */
function allowed(flags: number, current: number | bigint | undefined, when: number | bigint): boolean {
  if (flags & Condition.nx && current !== undefined) return false;
  if (flags & Condition.xx && current === undefined) return false;
  if (flags & Condition.gt && (current === undefined || when <= current)) return false;
  if (flags & Condition.lt && current !== undefined && when >= current) return false;
  return true;
}

/**
 * Runs the command: `unitMs` is 1000 for seconds or 1 for ms, `relative` adds the current time.
 * `name` is the command name for the error text.
 */
export function expireCommand(ctx: CommandContext, unitMs: 1 | 1000, relative: boolean, name: string): void {
  const flags = parseConditions(ctx);
  if (flags < 0) return;
  const text = ctx.arg(2);
  const n = parseInt64(text);
  if (n === null) {
    ctx.error(Err.notInteger);
    return;
  }
  const now = ctx.server.now();
  const base = relative ? now : 0;
  let when: number | bigint = n * unitMs + base;
  if (Math.abs(n) >= SAFE_INPUT) {
    let exact = BigInt(text);
    if (unitMs === 1000) {
      if (exact > SECONDS_MAX || exact < SECONDS_MIN) {
        ctx.error(Err.invalidExpire(name));
        return;
      }
      exact *= 1000n;
    }
    if (exact > INT64_MAX - BigInt(base)) {
      ctx.error(Err.invalidExpire(name));
      return;
    }
    when = exact + BigInt(base);
  }
  const key = ctx.arg(1);
  const db = ctx.db;
  if (db.lookupWrite(key) === undefined || !allowed(flags, db.getExpireExact(key), when)) {
    ctx.reply.integer(0);
    return;
  }
  // Redis: checkAlreadyExpired; a replica keeps the key and lets its master's DEL decide.
  if (when <= now && db.deleteExpired) db.delete(key);
  else if (typeof when === 'bigint') db.setExpire(key, Number(when), when);
  else db.setExpire(key, when);
  ctx.reply.integer(1);
}
