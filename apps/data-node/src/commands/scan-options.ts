// The options of SCAN, SSCAN, HSCAN and ZSCAN (redis 7.0 src/db.c scanGenericCommand), parsed in argument
// order: MATCH pattern (`*` counts as none), COUNT count ("value is not an integer", then a syntax error below
// 1) and, for SCAN only, TYPE type (compared case-insensitively); anything else, or an option without its
// value, is a syntax error.
import type { CommandContext } from './command-context.js';
import { Err } from './reply-errors.js';
import { parseInt64 } from '../util/int64.js';

const DEFAULT_COUNT = 10;

export interface ScanOptions {
  /** The MATCH pattern, or null for none. */
  pattern: string | null;
  /** COUNT. @default 10 */
  count: number;
  /** The TYPE, lower-cased, or null for none (always null when TYPE is not allowed). */
  type: string | null;
}

/** Parses the options from argv[from] on (TYPE only when `allowType`); null after replying with the error. */
export function parseScanOptions(ctx: CommandContext, from: number, allowType: boolean): ScanOptions | null {
  const options: ScanOptions = { pattern: null, count: DEFAULT_COUNT, type: null };
  for (let i = from; i < ctx.argc; i += 2) {
    const option = ctx.option(i);
    if (i + 1 >= ctx.argc) return fail(ctx, Err.syntax);
    if (option === 'COUNT') {
      const count = parseInt64(ctx.arg(i + 1));
      if (count === null) return fail(ctx, Err.notInteger);
      if (count < 1) return fail(ctx, Err.syntax);
      options.count = count;
    } else if (option === 'MATCH') {
      const pattern = ctx.arg(i + 1);
      options.pattern = pattern === '*' ? null : pattern;
    } else if (option === 'TYPE' && allowType) {
      options.type = ctx.arg(i + 1).toLowerCase();
    } else {
      return fail(ctx, Err.syntax);
    }
  }
  return options;
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}
