// How a command that changed the dataset is written into the replication stream when its own arguments
// would not reproduce its effect on a replica (redis 7.0 rewrites them with rewriteClientCommandVector):
// relative times become absolute (EXPIRE/PEXPIRE/EXPIREAT -> PEXPIREAT, SET EX/PX/EXAT and SETEX/PSETEX ->
// SET key value PXAT, GETEX -> PEXPIREAT or PERSIST, RESTORE ttl -> RESTORE ... ABSTTL), a key the command
// deleted because its new time was already past becomes DEL, GETDEL becomes DEL, float increments carry their
// result (INCRBYFLOAT -> SET key value KEEPTTL, HINCRBYFLOAT -> HSET), and BLMOVE/BRPOPLPUSH become their
// non-blocking form. Each rewrite reads the state the command left (the key's absolute expiry, the new value),
// so it states exactly what happened. Commands whose effect depends on a choice the handler made (which key a
// BLPOP served, which members SPOP picked) say it themselves with `CommandContext.propagateAs`. Pure.
import type { Database } from '../keyspace/database.js';
import { HashValue } from '../keyspace/hash-value.js';
import { isCollection } from '../keyspace/values.js';
import type { StreamArg } from './stream-writer.js';

/**
 * The commands to propagate instead of `args`, given the keyspace right after the command ran; null to
 * propagate `args` as they are.
 */
export type PropagationRewrite = (args: readonly Buffer[], db: Database) => StreamArg[][] | null;

const latin1 = (arg: Buffer | undefined): string => (arg === undefined ? '' : arg.toString('latin1'));

/** PEXPIREAT key <absolute ms>, or DEL key when the command left no key (its time was already past). */
function absoluteExpiry(args: readonly Buffer[], db: Database): StreamArg[][] {
  const key = latin1(args[1]);
  if (db.peek(key) === undefined) return [['DEL', key]];
  const at = db.getExpireExact(key);
  return at === undefined ? [['PERSIST', key]] : [['PEXPIREAT', key, String(at)]];
}

/** SET key value PXAT <absolute ms> for a string written with a relative (or seconds) expiry. */
function setWithAbsoluteExpiry(key: string, value: Buffer, db: Database): StreamArg[][] {
  if (db.peek(key) === undefined) return [['DEL', key]];
  const at = db.getExpireExact(key);
  return at === undefined ? [['SET', key, value]] : [['SET', key, value, 'PXAT', String(at)]];
}

const RELATIVE_SET_OPTIONS = new Set(['EX', 'PX', 'EXAT']);

function setCommand(args: readonly Buffer[], db: Database): StreamArg[][] | null {
  for (let i = 3; i < args.length; i++) {
    if (RELATIVE_SET_OPTIONS.has(latin1(args[i]).toUpperCase())) {
      return setWithAbsoluteExpiry(latin1(args[1]), args[2] as Buffer, db);
    }
  }
  return null;
}

function restoreCommand(args: readonly Buffer[], db: Database): StreamArg[][] {
  const key = latin1(args[1]);
  if (db.peek(key) === undefined) return [['DEL', key]];
  const at = db.getExpireExact(key);
  const out: StreamArg[] = [...args];
  out[2] = at === undefined ? '0' : String(at);
  if (at !== undefined && !args.some((arg, i) => i > 3 && latin1(arg).toUpperCase() === 'ABSTTL'))
    out.push('ABSTTL');
  return [out];
}

export const PROPAGATION_REWRITES: ReadonlyMap<string, PropagationRewrite> = new Map<
  string,
  PropagationRewrite
>([
  ['expire', absoluteExpiry],
  ['pexpire', absoluteExpiry],
  ['expireat', absoluteExpiry],
  ['pexpireat', absoluteExpiry],
  ['getex', absoluteExpiry],
  ['set', setCommand],
  ['setex', (args, db) => setWithAbsoluteExpiry(latin1(args[1]), args[3] as Buffer, db)],
  ['psetex', (args, db) => setWithAbsoluteExpiry(latin1(args[1]), args[3] as Buffer, db)],
  ['getdel', (args) => [['DEL', args[1] as Buffer]]],
  ['restore', restoreCommand],
  [
    'incrbyfloat',
    (args, db) => {
      const key = latin1(args[1]);
      const value = db.peek(key);
      return value === undefined || isCollection(value) ? null : [['SET', key, value, 'KEEPTTL']];
    },
  ],
  [
    'hincrbyfloat',
    (args, db) => {
      const key = latin1(args[1]);
      const field = latin1(args[2]);
      const hash = db.peek(key);
      const value = hash instanceof HashValue ? hash.get(field) : undefined;
      return value === undefined ? null : [['HSET', key, field, value]];
    },
  ],
  ['blmove', (args) => [['LMOVE', ...args.slice(1, 5)]]],
  ['brpoplpush', (args) => [['RPOPLPUSH', ...args.slice(1, 3)]]],
]);
