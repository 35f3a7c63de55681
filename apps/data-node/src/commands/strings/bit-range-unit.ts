// The optional BYTE|BIT unit argument of BITCOUNT and BITPOS (Redis 7.0): true for BIT, false for BYTE,
// null after replying with a syntax error.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

export function parseBitUnit(ctx: CommandContext, index: number): boolean | null {
  const unit = ctx.option(index);
  if (unit === 'BIT') return true;
  if (unit === 'BYTE') return false;
  ctx.error(Err.syntax);
  return null;
}
