// BITFIELD_RO key [GET type offset ...]: the read-only BITFIELD, allowed on replicas; other subcommands are
// parsed (so syntax errors come first) and then refused.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { parseBitfield } from './bitfield-ops.js';
import { runBitfield } from './bitfield-run.js';

export const bitfieldRo = {
  name: 'bitfield_ro',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['read', 'bitmap', 'fast'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD',
    since: '6.0.0',
    group: 'bitmap',
    complexity: 'O(1) for each subcommand specified',
  },
  handler(ctx) {
    const plan = parseBitfield(ctx);
    if (plan !== null) runBitfield(ctx, plan, true);
  },
} satisfies CommandSpec;
