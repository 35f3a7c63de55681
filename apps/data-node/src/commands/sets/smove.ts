// SMOVE source destination member (redis 7.0 src/t_set.c smoveCommand): moves a member between sets; 1 when it
// was in the source (even if the destination had it), else 0. A missing source answers 0 before the
// destination's type is checked; with source and destination the same set it only tells membership.
import { type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { SetValue } from '../../keyspace/set-value.js';
import { setShrunk } from './set-lookup.js';

export const smove = {
  name: 'smove',
  arity: 4,
  flags: ['write', 'fast'],
  categories: ['write', 'set', 'fast'],
  keys: { first: 1, last: 2, step: 1 },
  docs: {
    summary: 'Move a member from one set to another',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const sourceKey = ctx.arg(1);
    const destinationKey = ctx.arg(2);
    const member = ctx.arg(3);
    const source = ctx.db.lookupWrite(sourceKey);
    const destination = ctx.db.lookupWrite(destinationKey);
    if (source === undefined) return ctx.reply.integer(0);
    if (!(source instanceof SetValue) || (destination !== undefined && !(destination instanceof SetValue))) {
      return ctx.error(Err.wrongType);
    }
    if (source === destination) return ctx.reply.integer(source.has(member) ? 1 : 0);
    if (!source.delete(member)) return ctx.reply.integer(0);
    setShrunk(ctx, sourceKey, source);
    if (destination === undefined) {
      const created = new SetValue();
      created.add(member);
      ctx.db.add(destinationKey, created);
    } else if (destination.add(member)) {
      ctx.db.modified(destinationKey, destination);
    } else {
      ctx.db.touched(destinationKey);
    }
    ctx.reply.integer(1);
  },
} satisfies CommandSpec;
