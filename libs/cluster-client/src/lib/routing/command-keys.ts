// Where the keys of common commands are, so the client can route them and check CROSSSLOT without asking
// the server (ioredis keeps a static table too, @ioredis/commands). Positions follow Redis's key specs
// (`COMMAND INFO`: first key, last key, step; a negative last counts from the end). Commands with
// `numkeys` (EVAL, EVALSHA, FCALL, FCALL_RO) are handled apart. Callers pass `keyIndexes` for anything
// else. Pure data and lookups: no I/O here.

export interface KeySpec {
  /** Index of the first key in the arguments (the command name is index 0). */
  readonly first: number;
  /** Index of the last key; negative counts from the end (-1 = the last argument). */
  readonly last: number;
  /** Distance between keys (2 for MSET key value key value). */
  readonly step: number;
  /** The command only reads: it may go to a replica and is retried after a lost connection. */
  readonly readOnly: boolean;
}

const read = (first: number, last: number, step = 1): KeySpec => ({ first, last, step, readOnly: true });
const write = (first: number, last: number, step = 1): KeySpec => ({ first, last, step, readOnly: false });
const ONE_READ = read(1, 1);
const ONE_WRITE = write(1, 1);
const ALL_READ = read(1, -1);
const ALL_WRITE = write(1, -1);

/** Key specs by lowercase command name (Redis 7.0 `COMMAND INFO`). */
// prettier-ignore
export const COMMAND_KEY_SPECS: Readonly<Record<string, KeySpec>> = {
  // strings
  get: ONE_READ, getrange: ONE_READ, strlen: ONE_READ, getbit: ONE_READ, bitcount: ONE_READ,
  substr: ONE_READ, mget: ALL_READ,
  set: ONE_WRITE, setnx: ONE_WRITE, setex: ONE_WRITE, psetex: ONE_WRITE, getset: ONE_WRITE, getdel: ONE_WRITE,
  getex: ONE_WRITE, append: ONE_WRITE, setrange: ONE_WRITE, setbit: ONE_WRITE, incr: ONE_WRITE,
  decr: ONE_WRITE, incrby: ONE_WRITE, decrby: ONE_WRITE, incrbyfloat: ONE_WRITE,
  mset: write(1, -1, 2), msetnx: write(1, -1, 2),
  // keyspace
  exists: ALL_READ, ttl: ONE_READ, pttl: ONE_READ, expiretime: ONE_READ, pexpiretime: ONE_READ,
  type: ONE_READ, dump: ONE_READ, touch: ALL_READ,
  del: ALL_WRITE, unlink: ALL_WRITE, expire: ONE_WRITE, pexpire: ONE_WRITE, expireat: ONE_WRITE,
  pexpireat: ONE_WRITE, persist: ONE_WRITE, restore: ONE_WRITE, 'restore-asking': ONE_WRITE,
  rename: write(1, 2), renamenx: write(1, 2), copy: write(1, 2),
  // hashes
  hget: ONE_READ, hmget: ONE_READ, hgetall: ONE_READ, hkeys: ONE_READ, hvals: ONE_READ, hlen: ONE_READ,
  hexists: ONE_READ, hstrlen: ONE_READ, hrandfield: ONE_READ, hscan: ONE_READ,
  hset: ONE_WRITE, hsetnx: ONE_WRITE, hmset: ONE_WRITE, hdel: ONE_WRITE, hincrby: ONE_WRITE,
  hincrbyfloat: ONE_WRITE,
  // lists
  llen: ONE_READ, lrange: ONE_READ, lindex: ONE_READ, lpos: ONE_READ,
  lpush: ONE_WRITE, rpush: ONE_WRITE, lpushx: ONE_WRITE, rpushx: ONE_WRITE, lpop: ONE_WRITE, rpop: ONE_WRITE,
  lset: ONE_WRITE, lrem: ONE_WRITE, ltrim: ONE_WRITE, linsert: ONE_WRITE, lmove: write(1, 2),
  rpoplpush: write(1, 2),
  // sets
  smembers: ONE_READ, sismember: ONE_READ, smismember: ONE_READ, scard: ONE_READ, srandmember: ONE_READ,
  sscan: ONE_READ, sinter: ALL_READ, sunion: ALL_READ, sdiff: ALL_READ,
  sadd: ONE_WRITE, srem: ONE_WRITE, spop: ONE_WRITE, smove: write(1, 2), sinterstore: ALL_WRITE,
  sunionstore: ALL_WRITE, sdiffstore: ALL_WRITE,
  // sorted sets
  zscore: ONE_READ, zmscore: ONE_READ, zcard: ONE_READ, zcount: ONE_READ, zrank: ONE_READ,
  zrevrank: ONE_READ, zrange: ONE_READ, zrevrange: ONE_READ, zrangebyscore: ONE_READ,
  zrevrangebyscore: ONE_READ, zrangebylex: ONE_READ, zlexcount: ONE_READ, zscan: ONE_READ,
  zadd: ONE_WRITE, zincrby: ONE_WRITE, zrem: ONE_WRITE, zpopmin: ONE_WRITE, zpopmax: ONE_WRITE,
  zremrangebyscore: ONE_WRITE, zremrangebyrank: ONE_WRITE,
  // streams, hyperloglog
  xlen: ONE_READ, xrange: ONE_READ, xrevrange: ONE_READ, xadd: ONE_WRITE, xdel: ONE_WRITE, xtrim: ONE_WRITE,
  pfcount: ALL_READ, pfadd: ONE_WRITE, pfmerge: ALL_WRITE,
};

/** Commands whose key count is the argument at index 2 (keys follow it); the value is read-only-ness. */
// prettier-ignore
const NUMKEYS_COMMANDS: Readonly<Record<string, boolean>> = {
  eval: false, evalsha: false, eval_ro: true, evalsha_ro: true, fcall: false, fcall_ro: true,
};

/** Lowercase command name of `args` (byte-string or Buffer name). */
export function commandName(args: readonly (string | Buffer)[]): string {
  const name = args[0];
  if (name === undefined) return '';
  return (typeof name === 'string' ? name : name.toString('latin1')).toLowerCase();
}

/** True when the table knows `name` as a read-only command. */
export function isReadOnlyCommand(name: string): boolean {
  return COMMAND_KEY_SPECS[name]?.readOnly ?? NUMKEYS_COMMANDS[name] ?? false;
}

/**
 * The positions of the keys in `args`: `keyIndexes` when given, else from the table; empty for commands
 * without keys or unknown to the table (they go to any node).
 */
export function keyPositions(
  name: string,
  args: readonly (string | Buffer)[],
  keyIndexes?: readonly number[],
): readonly number[] {
  if (keyIndexes !== undefined)
    return keyIndexes.filter((i) => Number.isInteger(i) && i > 0 && i < args.length);
  const spec = COMMAND_KEY_SPECS[name];
  if (spec !== undefined) {
    const last = spec.last < 0 ? args.length + spec.last : spec.last;
    const positions: number[] = [];
    for (let i = spec.first; i <= last && i < args.length; i += spec.step) positions.push(i);
    return positions;
  }
  if (name in NUMKEYS_COMMANDS) {
    const raw = args[2];
    const count = Number(typeof raw === 'string' ? raw : raw?.toString('latin1'));
    if (!Number.isInteger(count) || count <= 0) return [];
    const positions: number[] = [];
    for (let i = 3; i < 3 + count && i < args.length; i++) positions.push(i);
    return positions;
  }
  return [];
}
