// SADD key member [member ...]: adds the members, creating the set; replies with how many were new.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { SetValue } from '../../keyspace/set-value.js';
import { writeSet, WRONG_TYPE } from './set-lookup.js';

export const sadd = {
  name: 'sadd',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['write', 'set', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Add one or more members to a set',
    since: '1.0.0',
    group: 'set',
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
  },
  handler(ctx) {
    const key = ctx.arg(1);
    const found = writeSet(ctx, key);
    if (found === WRONG_TYPE) return;
    const set = found ?? new SetValue();
    let added = 0;
    for (let i = 2; i < ctx.argc; i++) if (set.add(ctx.arg(i))) added++;
    if (found === undefined) ctx.db.add(key, set);
    else if (added !== 0) ctx.db.modified(key, set);
    ctx.reply.integer(added);
  },
} satisfies CommandSpec;
