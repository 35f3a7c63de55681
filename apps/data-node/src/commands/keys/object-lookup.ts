// Shared by the OBJECT subcommands: the key at argv[2] read without counting as an access (Redis's
// objectCommandLookup uses LOOKUP_NOTOUCH), replying nil when it is missing.
import type { CommandContext } from '../command-context.js';
import type { Value } from '../../keyspace/values.js';

/** The value at argv[2], or undefined after replying with a null bulk. */
export function objectLookup(ctx: CommandContext): Value | undefined {
  const value = ctx.db.lookupReadNoTouch(ctx.arg(2));
  if (value === undefined) ctx.reply.nullBulk();
  return value;
}

/** The key position of every OBJECT subcommand that takes a key: argv[2]. */
export const OBJECT_KEY = { first: 2, last: 2, step: 1 } as const;
