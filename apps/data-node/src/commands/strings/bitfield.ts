// BITFIELD key [GET type offset | SET type offset value | INCRBY type offset increment | OVERFLOW
// WRAP|SAT|FAIL ...]: reads and writes integer fields of a string (see bitfield-ops.ts, bitfield-run.ts).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { parseBitfield } from './bitfield-ops.js';
import { runBitfield } from './bitfield-run.js';

export const bitfield = {
  name: 'bitfield',
  arity: -2,
  flags: ['write', 'denyoom'],
  categories: ['write', 'bitmap', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Perform arbitrary bitfield integer operations on strings',
    since: '3.2.0',
    group: 'bitmap',
    complexity: 'O(1) for each subcommand specified',
  },
  handler(ctx) {
    const plan = parseBitfield(ctx);
    if (plan !== null) runBitfield(ctx, plan, false);
  },
} satisfies CommandSpec;
