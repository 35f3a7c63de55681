// HSET and HMSET share this (redis 7.0 src/t_hash.c hsetCommand): field/value pairs from argv[2] on, an odd
// count being an arity error named after the command; the hash is created when missing. Returns how many
// fields were new, or null after replying with an error.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { HashValue } from '../../keyspace/hash-value.js';
import { hashChanged, writeHash, WRONG_TYPE } from './hash-lookup.js';

export function setPairs(ctx: CommandContext, command: string): number | null {
  if (ctx.argc % 2 === 1) {
    ctx.error(Err.wrongArity(command));
    return null;
  }
  const key = ctx.arg(1);
  const found = writeHash(ctx, key);
  if (found === WRONG_TYPE) return null;
  const hash = found ?? new HashValue();
  let created = 0;
  for (let i = 2; i < ctx.argc; i += 2) if (hash.set(ctx.arg(i), ctx.arg(i + 1))) created++;
  hashChanged(ctx, key, found, hash);
  return created;
}
