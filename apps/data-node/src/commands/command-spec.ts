// The declarative shape of one RESP command (style guide rule 2): name, arity, flags, key positions and a
// synchronous handler. Each command lives in its own file `commands/<family>/<command>.ts` and exports one
// spec checked with `satisfies CommandSpec`; the family `index.ts` lists them. No I/O here.
import type { CommandContext } from './command-context.js';

/**
 * Command flags, named as in Redis's command table (`COMMAND INFO` prints them).
 * See https://redis.io/docs/latest/commands/command/#flags
 */
export const CommandFlag = {
  /** May modify the keyspace. */
  write: 'write',
  /** Never modifies the keyspace. */
  readonly: 'readonly',
  /** May grow memory use: refused when over maxmemory and nothing can be evicted. */
  denyoom: 'denyoom',
  /** Administrative command. */
  admin: 'admin',
  /** Pub/Sub related command. */
  pubsub: 'pubsub',
  /** Not allowed from scripts. */
  noscript: 'noscript',
  /** May block the client. */
  blocking: 'blocking',
  /** Allowed while the dataset is loading. */
  loading: 'loading',
  /** Allowed on a replica with stale data. */
  stale: 'stale',
  /** Not shown in MONITOR. */
  skip_monitor: 'skip_monitor',
  /** Not logged in SLOWLOG. */
  skip_slowlog: 'skip_slowlog',
  /** O(1) or O(log N) command. */
  fast: 'fast',
  /** Allowed before authentication. */
  no_auth: 'no_auth',
  /** Not allowed inside MULTI. */
  no_multi: 'no_multi',
  /** Allowed while a script is busy. */
  allow_busy: 'allow_busy',
  /** May replicate even when it is read-only. */
  may_replicate: 'may_replicate',
  /** Cluster: never redirected, even though it has keys (e.g. MIGRATE). */
  no_mandatory_keys: 'no_mandatory_keys',
  /** Cluster: served on an importing slot without ASKING (RESTORE-ASKING). */
  asking: 'asking',
} as const;
export type CommandFlag = (typeof CommandFlag)[keyof typeof CommandFlag];

/**
 * Where a command's keys sit in its argument vector (argv[0] is the command name), as in Redis's legacy
 * `(first, last, step)` triple: `last` negative counts from the end (-1 = last argument).
 * `first: 0` means the command has no key arguments.
 */
export interface KeyPositions {
  readonly first: number;
  readonly last: number;
  readonly step: number;
}

/** Extra documentation shown by `COMMAND DOCS` and the per-command README tables. */
export interface CommandDocs {
  readonly summary: string;
  readonly since: string;
  readonly group: string;
  readonly complexity?: string;
}

export interface CommandSpec {
  /** Lower-case name; a subcommand uses its own word (`id` for `CLIENT ID`). */
  readonly name: string;
  /**
   * Redis arity: positive = exact argument count including the name (and the container name for
   * subcommands), negative = at least that many.
   */
  readonly arity: number;
  readonly flags: readonly CommandFlag[];
  /** ACL categories without the `@` (e.g. `read`, `string`, `fast`), for COMMAND INFO. */
  readonly categories?: readonly string[];
  readonly keys: KeyPositions;
  /**
   * For commands whose keys cannot be described by `keys` (numkeys arguments, `STORE dest`, `KEYS k...`):
   * returns the argv indexes of every key. When present it is authoritative.
   */
  readonly getKeys?: (args: readonly Buffer[]) => number[];
  readonly docs?: CommandDocs;
  /** Subcommands of a container command (CLIENT, CONFIG, OBJECT, ...), dispatched on argv[1]. */
  readonly subcommands?: readonly CommandSpec[];
  /** Runs the command; must write exactly one reply (or block the client through `ctx.block`). */
  readonly handler: (ctx: CommandContext) => void;
}

/** No key arguments. */
export const NO_KEYS: KeyPositions = { first: 0, last: 0, step: 0 };
/** The single key at argv[1]. */
export const FIRST_KEY: KeyPositions = { first: 1, last: 1, step: 1 };
/** Every argument from argv[1] on is a key. */
export const ALL_KEYS: KeyPositions = { first: 1, last: -1, step: 1 };
