// Key positions of commands that count their keys (LMPOP, BLMPOP, SINTERCARD, ZUNION, ZINTERSTORE, ZMPOP,
// BZMPOP...), for the command table (COMMAND GETKEYS, cluster routing): the destination first if any, then
// numkeys keys after the numkeys argument. A numkeys that is not a positive integer, or more keys than
// arguments, gives none at all (Redis's zunionInterDiffStoreGetKeys, sintercardGetKeys, lmpopGetKeys...).
import { parseInt64 } from '../util/int64.js';

/**
 * `getKeys` for keys counted by argv[numKeysIndex], preceded by a destination at argv[1] when
 * `withDestination`.
 */
export function numkeysKeys(
  numKeysIndex: number,
  withDestination: boolean,
): (args: readonly Buffer[]) => number[] {
  return (args) => {
    const numKeys = parseInt64(args[numKeysIndex]?.toString('latin1') ?? '');
    if (numKeys === null || numKeys < 1 || numKeysIndex + numKeys >= args.length) return [];
    const indexes: number[] = withDestination ? [1] : [];
    for (let i = 1; i <= numKeys; i++) indexes.push(numKeysIndex + i);
    return indexes;
  };
}
