// The body of RENAME and RENAMENX (redis 7.0 src/db.c renameGenericCommand): the source must exist
// (`ERR no such key`, even when both names are equal); renaming a key to itself changes nothing; the value
// moves with its TTL and LRU/LFU data, replacing the destination unless NX finds it taken.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

export function renameCommand(ctx: CommandContext, nx: boolean): void {
  const from = ctx.arg(1);
  const to = ctx.arg(2);
  const db = ctx.db;
  if (db.lookupWrite(from) === undefined) {
    ctx.error(Err.noSuchKey);
    return;
  }
  if (from === to || (nx && db.lookupWrite(to) !== undefined)) {
    if (nx) ctx.reply.integer(0);
    else ctx.reply.simple('OK');
    return;
  }
  db.rename(from, to);
  if (nx) ctx.reply.integer(1);
  else ctx.reply.simple('OK');
}
