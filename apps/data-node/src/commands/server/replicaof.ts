// REPLICAOF / SLAVEOF host port | NO ONE. In cluster mode Redis refuses both (replicas follow the cluster
// configuration: CLUSTER REPLICATE), with its text. Outside cluster mode this data-node has no replication
// (roles come from the cluster topology), so it refuses to follow a master, and `NO ONE` on what is always a
// master is Redis's +OK.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../command-context.js';

/** Not Redis's text: standalone replication does not exist here. */
export const REPLICAOF_STANDALONE =
  'ERR REPLICAOF is not supported outside cluster mode: this server replicates only as a cluster node (CLUSTER REPLICATE)';

function replicaof(ctx: CommandContext): void {
  if (ctx.server.config.getBool('cluster-enabled'))
    return ctx.error('ERR REPLICAOF not allowed in cluster mode.');
  if (ctx.option(1) === 'NO' && ctx.option(2) === 'ONE') return ctx.reply.simple('OK');
  ctx.error(REPLICAOF_STANDALONE);
}

const shape = {
  arity: 3,
  flags: ['admin', 'noscript', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
  handler: replicaof,
} as const;

export const replicaofCommand = {
  name: 'replicaof',
  ...shape,
  docs: {
    summary: 'Make the server a replica of another instance, or promote it as master.',
    since: '5.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
} satisfies CommandSpec;

export const slaveofCommand = {
  name: 'slaveof',
  ...shape,
  docs: {
    summary: 'Make the server a replica of another instance, or promote it as master.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
} satisfies CommandSpec;
