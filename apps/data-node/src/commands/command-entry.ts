// What the dispatcher checks on every call of a command, computed once when the command is registered:
// its full name (`container|sub` for subcommands), the flags it tests, and its commandstats record.
import type { PropagationRewrite } from '../replication/propagation-rewrites.js';
import type { CommandStat } from '../server/server-stats.js';
import type { CommandSpec } from './command-spec.js';

/** Commands run immediately inside MULTI instead of being queued (redis processCommand). */
const TRANSACTION_CONTROL = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands allowed in the RESP2 pub/sub context. */
const PUBSUB_CONTEXT = new Set([
  'subscribe',
  'unsubscribe',
  'psubscribe',
  'punsubscribe',
  'ssubscribe',
  'sunsubscribe',
  'ping',
  'quit',
  'reset',
]);

export class CommandEntry {
  /** `name`, or `container|sub` for a subcommand: the name in commandstats and error texts. */
  readonly fullName: string;
  readonly noAuth: boolean;
  readonly denyoom: boolean;
  readonly noMulti: boolean;
  /** Flagged `write`: may change the keyspace (a full sync's snapshot copies its slots first). */
  readonly write: boolean;
  /**
   * Propagated to replicas when it changed the dataset. Not EXEC (its commands are propagated one by one,
   * wrapped in MULTI/EXEC) nor CLUSTER subcommands (the keys they drop are propagated as DELs).
   */
  readonly propagate: boolean;
  /** Runs at once inside MULTI (EXEC, DISCARD, MULTI, WATCH, QUIT, RESET). */
  readonly transactionControl: boolean;
  /** Allowed while a RESP2 client has subscriptions. */
  readonly pubsubContext: boolean;
  /** Subcommands by lower-case name, for a container command. */
  readonly subcommands: Map<string, CommandEntry> | null;
  /** How replication rewrites this command (null: as sent), looked up on its first propagation. */
  propagationRewrite: PropagationRewrite | null | undefined = undefined;
  /** The commandstats record, bound on first use (stats reset zeroes it in place). */
  stat: CommandStat | null = null;

  constructor(
    readonly spec: CommandSpec,
    container: CommandSpec | null,
  ) {
    this.fullName = container === null ? spec.name : `${container.name}|${spec.name}`;
    this.noAuth = spec.flags.includes('no_auth');
    this.denyoom = spec.flags.includes('denyoom');
    this.noMulti = spec.flags.includes('no_multi');
    this.write = spec.flags.includes('write');
    this.propagate = this.fullName !== 'exec' && (container ?? spec).name !== 'cluster';
    this.transactionControl = TRANSACTION_CONTROL.has(this.fullName);
    this.pubsubContext = PUBSUB_CONTEXT.has(this.fullName);
    this.subcommands =
      spec.subcommands === undefined
        ? null
        : new Map(spec.subcommands.map((sub) => [sub.name.toLowerCase(), new CommandEntry(sub, spec)]));
  }
}
