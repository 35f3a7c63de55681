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
  /** A write sent to a replica (redis shared.roslaveerr). */
  readOnlyReplica: "READONLY You can't write against a read only replica.",
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
  countOutOfRange:
    'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
  /** Not in Redis, which streams such a reply until memory runs out: a count whose reply would not fit. */
  randomReplyTooLarge: (command: string, limit: number) =>
    `ERR ${command} count would produce a reply over ${limit} bytes; ask for fewer elements per call`,
  // hashes and sets (redis src/t_hash.c, t_set.c)
  hashValueNotInteger: 'ERR hash value is not an integer',
  hashValueNotFloat: 'ERR hash value is not a float',
  valueNanOrInfinity: 'ERR value is NaN or Infinity',
  valueOutOfRange: 'ERR value is out of range',
  numkeysExceedArgs: "ERR Number of keys can't be greater than number of args",
  // connection and server administration (redis src/networking.c, acl.c, config.c, server.c, debug.c)
  authWithoutPassword:
    'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
  protocolVersionNotInteger: 'ERR Protocol version is not an integer or out of range',
  noProto: 'NOPROTO unsupported protocol version',
  helloSyntax: (option: string) => `ERR Syntax error in HELLO option '${option}'`,
  helloNoAuth:
    'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
  invalidClientName: 'ERR Client names cannot contain spaces, newlines or special characters.',
  invalidClientAttribute: (attribute: string) =>
    `ERR ${attribute} cannot contain spaces, newlines or special characters.`,
  unrecognizedOption: (option: string) => `ERR Unrecognized option '${option}'`,
  unknownClientType: (type: string) => `ERR Unknown client type '${type}'`,
  invalidClientId: 'ERR Invalid client ID',
  clientIdNotPositive: 'ERR client-id should be greater than 0',
  noSuchUser: (user: string) => `ERR No such user '${user}'`,
  noSuchClient: 'ERR No such client',
  unblockReason: 'ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR',
  pauseMode: 'ERR CLIENT PAUSE mode must be WRITE or ALL',
  timeoutNotInteger: 'ERR timeout is not an integer or out of range',
  unblocked: 'UNBLOCKED client unblocked via CLIENT UNBLOCK',
  subcommandSyntax: (sub: string, container: string) =>
    `ERR unknown subcommand or wrong number of arguments for '${sub.slice(0, 128)}'. Try ${container} HELP.`,
  intOutOfRange: (min: number, max: number) =>
    `ERR value is out of range, value must between ${min} and ${max}`,
  configSetFailed: (directive: string, reason: string) =>
    `ERR CONFIG SET failed (possibly related to argument '${directive}') - ${reason}`,
  invalidCommand: 'ERR Invalid command specified',
  noKeyArguments: 'ERR The command has no key arguments',
  invalidArgumentCount: 'ERR Invalid number of arguments specified for command',
  invalidArguments: 'ERR Invalid arguments specified for command',
  slowlogCount: 'ERR count should be greater than or equal to -1',
  noShutdownInProgress: 'ERR No shutdown in progress.',
  /** Redis says "Errors trying to SHUTDOWN. Check logs."; here the only cause is SAVE without persistence. */
  shutdownSaveImpossible:
    'ERR Errors trying to SHUTDOWN: SAVE is impossible, this data-node has no persistence yet (use NOSAVE, or SAVE FORCE)',
  debugNotAllowed:
    'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
  /** Not in Redis: the data-node keeps no snapshot or AOF yet (SAVE, BGSAVE, BGREWRITEAOF). */
  persistenceNotSupported: (command: string) =>
    `ERR ${command} is not supported: this data-node has no persistence yet (no RDB or AOF); data lives in memory only`,
  // cluster (redis src/cluster.c 7.0); redirects (MOVED, ASK, ...) are rendered by cluster/redirect-error.ts
  clusterDisabled: 'ERR This instance has cluster support disabled',
  invalidSlot: 'ERR Invalid slot',
  invalidSlotOrCount: 'ERR Invalid slot or number of keys',
  // Not Redis's: the data-node forwards the configuration-changing CLUSTER subcommands to its gossip-agent.
  /** The agent did not answer a forwarded subcommand (or the topology it named) within the deadline. */
  agentTimeout: 'ERR the gossip-agent did not answer in time',
  /** The agent answered with a reply the data-node cannot render (no kind, nested too deep). */
  agentBadReply: 'ERR the gossip-agent sent a malformed reply',
  /** A forwarded subcommand queued in MULTI: EXEC cannot wait for the agent. */
  agentSubcommandInMulti: (sub: string) =>
    `ERR CLUSTER ${sub.toUpperCase()} cannot run inside MULTI when the node has a gossip-agent`,
} as const;
