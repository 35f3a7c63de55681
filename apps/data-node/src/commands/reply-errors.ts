// Redis's error reply texts, written once (redis src/server.c `shared.*` objects and command files).
// Commands reply through `ctx.error(...)` with these, so the wording matches redis-server byte for byte.

export const Err = {
  syntax: 'ERR syntax error',
  notInteger: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  noSuchKey: 'ERR no such key',
  overflow: 'ERR increment or decrement would overflow',
  outOfRange: 'ERR index out of range',
  notPositive: 'ERR value is out of range, must be positive',
  timeoutNegative: 'ERR timeout is negative',
  timeoutNotFloat: 'ERR timeout is not a float or out of range',
  invalidExpire: (command: string) => `ERR invalid expire time in '${command}' command`,
  wrongArity: (command: string) => `ERR wrong number of arguments for '${command}' command`,
  noAuth: 'NOAUTH Authentication required.',
  wrongPass: 'WRONGPASS invalid username-password pair or user is disabled.',
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  multiNested: 'ERR MULTI calls can not be nested',
  execWithoutMulti: 'ERR EXEC without MULTI',
  discardWithoutMulti: 'ERR DISCARD without MULTI',
  watchInMulti: 'ERR WATCH inside MULTI is not allowed',
  busyKey: 'BUSYKEY Target key name already exists.',
  badDump: 'ERR DUMP payload version or checksum are wrong',
  selectInCluster: 'ERR SELECT is not allowed in cluster mode',
  dbIndexOutOfRange: 'ERR DB index is out of range',
  unknownCommand: (name: string, args: readonly string[]) =>
    `ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${args.map((a) => `'${a.slice(0, 128)}' `).join('')}`,
  unknownSubcommand: (sub: string, container: string) =>
    `ERR unknown subcommand '${sub.slice(0, 128)}'. Try ${container.toUpperCase()} HELP.`,
  pubsubContext: (name: string) =>
    `ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
  // strings and bits (redis src/t_string.c, bitops.c)
  stringTooLong: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)',
  offsetOutOfRange: 'ERR offset is out of range',
  bitOffset: 'ERR bit offset is not an integer or out of range',
  nanOrInfinity: 'ERR increment would produce NaN or Infinity',
  // lists (redis src/t_list.c)
  rankZero:
    "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
  countNegative: "ERR COUNT can't be negative",
  maxlenNegative: "ERR MAXLEN can't be negative",
  numkeysNotPositive: 'ERR numkeys should be greater than 0',
  countNotPositive: 'ERR count should be greater than 0',
  // sorted sets (redis src/t_zset.c)
  zsetNaN: 'ERR resulting score is not a number (NaN)',
  zaddXxNx: 'ERR XX and NX options at the same time are not compatible',
  zaddGtLtNx: 'ERR GT, LT, and/or NX options at the same time are not compatible',
  zaddIncrPair: 'ERR INCR option supports a single increment-element pair',
  scoreRange: 'ERR min or max is not a float',
  lexRange: 'ERR min or max not valid string range item',
  zrangeLimit: 'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX',
  zrangeWithscoresBylex: 'ERR syntax error, WITHSCORES not supported in combination with BYLEX',
  weightNotFloat: 'ERR weight value is not a float',
  limitNegative: "ERR LIMIT can't be negative",
  inputKeyNeeded: (command: string) => `ERR at least 1 input key is needed for '${command}' command`,
  invalidCursor: 'ERR invalid cursor',
  countOutOfRange: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
  /** Not in Redis, which streams such a reply until memory runs out: a count whose reply would not fit. */
  randomReplyTooLarge: (command: string, limit: number) =>
    `ERR ${command} count would produce a reply over ${limit} bytes; ask for fewer elements per call`,
  // hashes and sets (redis src/t_hash.c, t_set.c)
  hashValueNotInteger: 'ERR hash value is not an integer',
  hashValueNotFloat: 'ERR hash value is not a float',
  valueNanOrInfinity: 'ERR value is NaN or Infinity',
  valueOutOfRange: 'ERR value is out of range',
  numkeysExceedArgs: "ERR Number of keys can't be greater than number of args",
} as const;
