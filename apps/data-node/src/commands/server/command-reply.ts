// Writes COMMAND INFO and COMMAND DOCS entries in Redis 7.0's shapes (redis src/server.c addReplyCommandInfo,
// addReplyCommandDocs): info is [name, arity, flags, first, last, step, ACL categories, tips, key specs,
// subcommands]; docs is a map of summary, since, group, complexity and subcommands. Tips and key specs are
// empty: specs do not carry them (the legacy first/last/step triple is exact).
import type { ReplyWriter } from '@tessera/resp';
import type { CommandSpec } from '../command-spec.js';

/** Redis's ACL categories in its table order, which is the order COMMAND INFO prints them in. */
const ACL_CATEGORIES = [
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'blocking',
  'dangerous',
  'connection',
  'transaction',
  'scripting',
] as const;

/**
 * The ACL categories of a spec: its own list, or (when it declares none) those Redis derives from the
 * flags (setImplicitACLCategories), in table order.
 */
export function aclCategories(spec: CommandSpec): string[] {
  const categories = new Set<string>(spec.categories ?? []);
  if (spec.categories === undefined) {
    const flags = spec.flags;
    if (flags.includes('write')) categories.add('write');
    if (flags.includes('readonly')) categories.add('read');
    if (flags.includes('admin')) categories.add('admin').add('dangerous');
    if (flags.includes('pubsub')) categories.add('pubsub');
    if (flags.includes('fast')) categories.add('fast');
    if (flags.includes('blocking')) categories.add('blocking');
    if (!flags.includes('fast')) categories.add('slow');
  }
  const order = (name: string) => {
    const index = (ACL_CATEGORIES as readonly string[]).indexOf(name);
    return index === -1 ? ACL_CATEGORIES.length : index;
  };
  return [...categories].sort((a, b) => order(a) - order(b));
}

/** Flags in the order COMMAND INFO prints them (redis src/server.c addReplyCommandFlags). */
const FLAG_ORDER = [
  'write',
  'readonly',
  'denyoom',
  'module',
  'admin',
  'pubsub',
  'noscript',
  'blocking',
  'loading',
  'stale',
  'skip_monitor',
  'skip_slowlog',
  'asking',
  'fast',
  'no_auth',
  'no_mandatory_keys',
  'no_async_loading',
  'no_multi',
  'movablekeys',
  'allow_busy',
];
/** Flags Redis keeps but never shows. */
const HIDDEN_FLAGS = new Set(['may_replicate']);

/** The command's flags as COMMAND INFO lists them (`movablekeys` when keys come from `getKeys`). */
function infoFlags(spec: CommandSpec): string[] {
  const flags = new Set<string>(spec.flags.filter((flag) => !HIDDEN_FLAGS.has(flag)));
  if (spec.getKeys !== undefined) flags.add('movablekeys');
  const order = (flag: string) => {
    const index = FLAG_ORDER.indexOf(flag);
    return index === -1 ? FLAG_ORDER.length : index;
  };
  return [...flags].sort((a, b) => order(a) - order(b));
}

/** One COMMAND INFO entry; `fullName` is `container|sub` for a subcommand. */
export function writeCommandInfo(w: ReplyWriter, spec: CommandSpec, fullName: string): void {
  w.arrayHeader(10);
  w.bulk(fullName);
  w.integer(spec.arity);
  const flags = infoFlags(spec);
  w.setHeader(flags.length);
  for (const flag of flags) w.simple(flag);
  w.integer(spec.keys.first);
  w.integer(spec.keys.last);
  w.integer(spec.keys.step);
  const categories = aclCategories(spec);
  w.setHeader(categories.length);
  for (const category of categories) w.simple(`@${category}`);
  w.setHeader(0); // tips
  w.setHeader(0); // key specs
  const subcommands = spec.subcommands ?? [];
  if (subcommands.length === 0) {
    w.setHeader(0);
    return;
  }
  w.arrayHeader(subcommands.length);
  for (const sub of subcommands) writeCommandInfo(w, sub, `${fullName}|${sub.name}`);
}

/** The map of one COMMAND DOCS entry (without its name). */
export function writeCommandDocs(w: ReplyWriter, spec: CommandSpec, fullName: string): void {
  const docs = spec.docs;
  const fields: [string, string][] = [];
  if (docs !== undefined) {
    fields.push(['summary', docs.summary], ['since', docs.since], ['group', docs.group]);
    if (docs.complexity !== undefined) fields.push(['complexity', docs.complexity]);
  }
  const subcommands = spec.subcommands ?? [];
  w.mapHeader(fields.length + (subcommands.length > 0 ? 1 : 0));
  for (const [name, value] of fields) {
    w.bulk(name);
    w.bulk(value);
  }
  if (subcommands.length === 0) return;
  w.bulk('subcommands');
  w.mapHeader(subcommands.length);
  for (const sub of subcommands) {
    const subName = `${fullName}|${sub.name}`;
    w.bulk(subName);
    writeCommandDocs(w, sub, subName);
  }
}
