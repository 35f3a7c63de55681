// LPUSH, RPUSH, LPUSHX and RPUSHX share this (redis src/t_list.c pushGenericCommand): push every element
// from argv[2] on to one end, creating the list unless `onlyExisting`, and reply with the new length.
import type { CommandContext } from '../command-context.js';
import { ListValue } from '../../keyspace/list-value.js';
import { ListEnd } from './list-end.js';
import { WRONG_TYPE, writeList } from './list-lookup.js';

export function pushElements(ctx: CommandContext, end: ListEnd, onlyExisting: boolean): void {
  const key = ctx.arg(1);
  const found = writeList(ctx, key);
  if (found === WRONG_TYPE) return;
  if (found === undefined && onlyExisting) {
    ctx.reply.integer(0);
    return;
  }
  const list = found ?? new ListValue(ctx.argc - 2);
  const args = ctx.args;
  if (end === ListEnd.left) for (let i = 2; i < args.length; i++) list.pushHead(ctx.arg(i));
  else for (let i = 2; i < args.length; i++) list.pushTail(ctx.arg(i));
  if (found === undefined) ctx.db.add(key, list);
  else ctx.db.modified(key, list);
  ctx.reply.integer(list.size);
}
