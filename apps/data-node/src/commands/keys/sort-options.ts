// Parsing SORT / SORT_RO options (redis 7.0 src/sort.c sortCommandGeneric), and SORT's key extraction
// (sortGetKeys): ASC|DESC, ALPHA, LIMIT offset count, BY pattern, GET pattern (repeatable) and, for SORT
// only, STORE destination. The last ASC/DESC, LIMIT, BY and STORE win. A BY pattern without `*` means "do
// not sort". In cluster mode a real BY pattern and GET are refused (their keys could live anywhere).
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';

export interface SortOptions {
  desc: boolean;
  alpha: boolean;
  limitStart: number;
  /** Negative: no limit. */
  limitCount: number;
  store: string | null;
  by: string | null;
  /** BY names a pattern without `*`: keep the collection's own order. */
  dontSort: boolean;
  gets: string[];
}

/** Parses argv[2] on; null after replying with the error. */
export function parseSortOptions(ctx: CommandContext, readonly: boolean): SortOptions | null {
  const o: SortOptions = {
    desc: false,
    alpha: false,
    limitStart: 0,
    limitCount: -1,
    store: null,
    by: null,
    dontSort: false,
    gets: [],
  };
  const cluster = ctx.server.config.getBool('cluster-enabled');
  for (let i = 2; i < ctx.argc; i++) {
    const option = ctx.option(i);
    const left = ctx.argc - i - 1;
    if (option === 'ASC') {
      o.desc = false;
    } else if (option === 'DESC') {
      o.desc = true;
    } else if (option === 'ALPHA') {
      o.alpha = true;
    } else if (option === 'LIMIT' && left >= 2) {
      const start = parseInt64(ctx.arg(i + 1));
      const count = start === null ? null : parseInt64(ctx.arg(i + 2));
      if (start === null || count === null) {
        ctx.error(Err.notInteger);
        return null;
      }
      o.limitStart = start;
      o.limitCount = count;
      i += 2;
    } else if (option === 'STORE' && !readonly && left >= 1) {
      o.store = ctx.arg(++i);
    } else if (option === 'BY' && left >= 1) {
      o.by = ctx.arg(++i);
      o.dontSort = !cString(o.by).includes('*');
      if (!o.dontSort && cluster) {
        ctx.error('ERR BY option of SORT denied in Cluster mode.');
        return null;
      }
    } else if (option === 'GET' && left >= 1) {
      if (cluster) {
        ctx.error('ERR GET option of SORT denied in Cluster mode.');
        return null;
      }
      o.gets.push(ctx.arg(++i));
    } else {
      ctx.error(Err.syntax);
      return null;
    }
  }
  return o;
}

/** The string as C's string functions see it: up to the first NUL byte. */
export function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

/**
 * SORT's keys: the sorted key and the last STORE destination. Options with arguments are skipped as Redis's
 * sortGetKeys does, so a GET or BY pattern spelled "store" is not taken for the option.
 */
export function sortKeyIndexes(args: readonly Buffer[]): number[] {
  let store = -1;
  for (let i = 2; i < args.length; i++) {
    const option = (args[i] as Buffer).toString('latin1').toUpperCase();
    if (option === 'LIMIT') i += 2;
    else if (option === 'GET' || option === 'BY') i += 1;
    else if (option === 'STORE' && i + 1 < args.length) store = i + 1;
  }
  return store === -1 ? [1] : [1, store];
}
