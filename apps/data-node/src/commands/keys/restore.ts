// RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency] (redis 7.0
// src/cluster.c restoreCommand), checked in Redis's order: options (IDLETIME and FREQ exclude each other),
// then BUSYKEY, then the TTL, then the payload (restore-value.ts). Any payload defect is
// `ERR DUMP payload version or checksum are wrong` and creates nothing.
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { AccessMode, accessModeFor } from '../../keyspace/access-clock.js';
import { parseInt64 } from '../../util/int64.js';
import { restoreValue, RestoreOutcome, type RestoreOptions } from './restore-value.js';

interface Flags {
  replace: boolean;
  absTtl: boolean;
  idleSeconds: number | null;
  frequency: number | null;
}

/** Parses the options from argv[4] on; null after replying with the error. */
function parseFlags(ctx: CommandContext): Flags | null {
  const flags: Flags = { replace: false, absTtl: false, idleSeconds: null, frequency: null };
  for (let i = 4; i < ctx.argc; i++) {
    const option = ctx.option(i);
    const hasValue = i + 1 < ctx.argc;
    if (option === 'REPLACE') {
      flags.replace = true;
    } else if (option === 'ABSTTL') {
      flags.absTtl = true;
    } else if (option === 'IDLETIME' && hasValue && flags.frequency === null) {
      const idle = parseInt64(ctx.arg(++i));
      if (idle === null) return fail(ctx, Err.notInteger);
      if (idle < 0) return fail(ctx, 'ERR Invalid IDLETIME value, must be >= 0');
      flags.idleSeconds = idle;
    } else if (option === 'FREQ' && hasValue && flags.idleSeconds === null) {
      const frequency = parseInt64(ctx.arg(++i));
      if (frequency === null) return fail(ctx, Err.notInteger);
      if (frequency < 0 || frequency > 255)
        return fail(ctx, 'ERR Invalid FREQ value, must be >= 0 and <= 255');
      flags.frequency = frequency;
    } else {
      return fail(ctx, Err.syntax);
    }
  }
  return flags;
}

function fail(ctx: CommandContext, error: string): null {
  ctx.error(error);
  return null;
}

export const restore = {
  name: 'restore',
  arity: -4,
  flags: ['write', 'denyoom'],
  categories: ['keyspace', 'write', 'slow', 'dangerous'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Create a key using the provided serialized value, previously obtained using DUMP.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value.',
  },
  handler(ctx) {
    const flags = parseFlags(ctx);
    if (flags === null) return;
    const key = ctx.arg(1);
    if (!flags.replace && ctx.db.lookupWrite(key) !== undefined) {
      ctx.error(Err.busyKey);
      return;
    }
    const ttlText = ctx.arg(2);
    const ttl = parseInt64(ttlText);
    if (ttl === null) {
      ctx.error(Err.notInteger);
      return;
    }
    if (ttl < 0) {
      ctx.error('ERR Invalid TTL value, must be >= 0');
      return;
    }
    // Redis keeps an idle time whenever the policy is not LFU: start recording access times to honour it.
    const policyMode = accessModeFor(ctx.server.config.get('maxmemory-policy'));
    if (flags.idleSeconds !== null && policyMode !== AccessMode.lfu) ctx.db.setAccessMode(AccessMode.lru);
    const options: RestoreOptions = { ...flags, ttl: BigInt(ttlText) };
    const outcome = restoreValue(ctx.db, key, ctx.args[3] as Buffer, options, ctx.server.now());
    if (outcome === RestoreOutcome.badPayload) ctx.error(Err.badDump);
    else if (outcome === RestoreOutcome.busyKey) ctx.error(Err.busyKey);
    else ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
