// CLUSTER COUNTKEYSINSLOT slot: how many keys this node holds in the slot (redis-cli --cluster fix and
// --cluster-search-multiple-owners). A non-integer is `ERR value is not an integer or out of range`, an
// integer outside 0..16383 `ERR Invalid slot` (redis 7.0 clusterCommand).
import { SLOT_COUNT } from '@tessera/slot';
import { parseInt64 } from '../../util/int64.js';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterCountkeysinslot = {
  name: 'countkeysinslot',
  arity: 3,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Return the number of local keys in the specified hash slot',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(1)',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) === null) return;
    const slot = parseInt64(ctx.arg(2));
    if (slot === null) ctx.error(Err.notInteger);
    else if (slot < 0 || slot >= SLOT_COUNT) ctx.error(Err.invalidSlot);
    else ctx.reply.integer(ctx.db.countInSlot(slot));
  },
} satisfies CommandSpec;
