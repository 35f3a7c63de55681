// CLUSTER GETKEYSINSLOT slot count: up to `count` key names of the slot held here (what reshard and fix move
// with MIGRATE). Both arguments must be integers (`ERR value is not an integer or out of range`), then a
// slot outside 0..16383 or a negative count is `ERR Invalid slot or number of keys` (redis 7.0). Keys whose
// TTL passed but were not reclaimed yet are listed, as Redis lists what its slot index holds.
import { SLOT_COUNT } from '@tessera/slot';
import { parseInt64 } from '../../util/int64.js';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { clusterRouterOf } from './cluster-router-of.js';

export const clusterGetkeysinslot = {
  name: 'getkeysinslot',
  arity: 4,
  flags: ['stale'],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Return local key names in the specified hash slot',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'O(log(N)) where N is the number of requested keys',
  },
  handler(ctx) {
    if (clusterRouterOf(ctx) === null) return;
    const slot = parseInt64(ctx.arg(2));
    const count = slot === null ? null : parseInt64(ctx.arg(3));
    if (slot === null || count === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (slot < 0 || slot >= SLOT_COUNT || count < 0) {
      ctx.error(Err.invalidSlotOrCount);
      return;
    }
    const keys = ctx.db.keysInSlot(slot, count);
    ctx.reply.arrayHeader(keys.length);
    for (const key of keys) ctx.reply.bulk(key);
  },
} satisfies CommandSpec;
