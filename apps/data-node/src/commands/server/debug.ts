// DEBUG <subcommand>: test and diagnostic helpers. Like Redis it is one command (not a container) that
// dispatches on argv[1], and is refused unless enable-debug-command allows it (`local`, our default,
// allows loopback clients). Served: HELP, SLEEP, DIGEST, DIGEST-VALUE, OBJECT, SET-ACTIVE-EXPIRE.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { encodeDumpPayload } from '../../keyspace/dump-payload.js';
import { setActiveExpire } from '../../server/active-expire-switch.js';
import { hostOf, isLoopback } from '../../server/loopback.js';
import { valueEncoding } from '../keys/value-encoding.js';
import { Err } from '../reply-errors.js';
import { helpHandler } from './help-subcommand.js';
import { datasetDigest, valueDigest, ZERO_DIGEST } from './value-digest.js';

const HELP = [
  'DIGEST',
  '    Output a hex signature representing the current DB content.',
  'DIGEST-VALUE <key> [<key> ...]',
  '    Output a hex signature of the values of all the specified keys.',
  'OBJECT <key>',
  '    Show low level info about `key` and associated value.',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Setting it to 0 disables expiring keys in background when they are not',
  '    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the',
  '    default.',
  'SLEEP <seconds>',
  '    Stop the server for <seconds>. Decimals allowed.',
];

/** C's atof: the longest numeric prefix, 0 when there is none (DEBUG SLEEP abc sleeps 0 s, like Redis). */
function atof(text: string): number {
  const match = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text);
  return match ? Number(match[0]) : 0;
}

/** Blocks the whole event loop, as DEBUG SLEEP blocks redis-server. */
function sleepBlocking(ms: number): void {
  if (!(ms > 0)) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function debugObject(ctx: CommandContext): void {
  const value = ctx.db.peek(ctx.arg(2));
  if (value === undefined || ctx.db.isExpired(ctx.arg(2))) {
    ctx.error(Err.noSuchKey);
    return;
  }
  const encoding = valueEncoding(value, ctx.server.config);
  const serialized = encodeDumpPayload(value).length;
  const lru = Math.floor(ctx.server.now() / 1000) & 0xffffff;
  ctx.reply.simple(
    `Value at:0x0 refcount:1 encoding:${encoding} serializedlength:${serialized} lru:${lru} lru_seconds_idle:0`,
  );
}

type Subcommand = [accepts: (argc: number) => boolean, run: (ctx: CommandContext) => void];

/** Subcommand name -> [argument count check, handler]. A Map: names come from clients (`__proto__`). */
const SUBCOMMANDS = new Map<string, Subcommand>(
  Object.entries({
    help: [(argc) => argc === 2, helpHandler('debug', HELP)],
    sleep: [
      (argc) => argc === 3,
      (ctx) => {
        sleepBlocking(atof(ctx.arg(2)) * 1000);
        ctx.reply.simple('OK');
      },
    ],
    digest: [(argc) => argc === 2, (ctx) => ctx.reply.simple(datasetDigest(ctx.db).toString('hex'))],
    'digest-value': [
      (argc) => argc >= 2,
      (ctx) => {
        ctx.reply.arrayHeader(ctx.argc - 2);
        for (let i = 2; i < ctx.argc; i++) {
          const key = ctx.arg(i);
          const value = ctx.db.isExpired(key) ? undefined : ctx.db.peek(key);
          ctx.reply.simple((value === undefined ? ZERO_DIGEST : valueDigest(value)).toString('hex'));
        }
      },
    ],
    object: [(argc) => argc === 3, debugObject],
    'set-active-expire': [
      (argc) => argc === 3,
      (ctx) => {
        setActiveExpire(ctx.server, Math.trunc(atof(ctx.arg(2))) !== 0);
        ctx.reply.simple('OK');
      },
    ],
  } satisfies Record<string, Subcommand>),
);

/** Whether enable-debug-command lets this client run DEBUG. */
function debugAllowed(ctx: CommandContext): boolean {
  const mode = ctx.server.config.get('enable-debug-command');
  return mode === 'yes' || (mode === 'local' && isLoopback(hostOf(ctx.client.addr)));
}

export const debug = {
  name: 'debug',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for debugging commands.',
    since: '1.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
  },
  handler(ctx) {
    if (!debugAllowed(ctx)) {
      ctx.error(Err.debugNotAllowed);
      return;
    }
    const name = ctx.arg(1);
    const entry = SUBCOMMANDS.get(name.toLowerCase());
    if (entry === undefined || !entry[0](ctx.argc)) {
      ctx.error(Err.subcommandSyntax(name, 'DEBUG'));
      return;
    }
    entry[1](ctx);
  },
} satisfies CommandSpec;
