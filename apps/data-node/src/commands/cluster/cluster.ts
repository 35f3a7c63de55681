// CLUSTER <subcommand>: the container (Redis 7.0 arity -2, no flags); the dispatcher runs the subcommand's
// spec. Read-only subcommands are answered from the router's topology view and the local keyspace; the ones
// that change the configuration are forwarded to the agent link.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { clusterAddslots } from './cluster-addslots.js';
import { clusterAddslotsrange } from './cluster-addslotsrange.js';
import { clusterBumpepoch } from './cluster-bumpepoch.js';
import { clusterCountFailureReports } from './cluster-count-failure-reports.js';
import { clusterCountkeysinslot } from './cluster-countkeysinslot.js';
import { clusterDelslots } from './cluster-delslots.js';
import { clusterDelslotsrange } from './cluster-delslotsrange.js';
import { clusterFailover } from './cluster-failover.js';
import { clusterFlushslots } from './cluster-flushslots.js';
import { clusterForget } from './cluster-forget.js';
import { clusterGetkeysinslot } from './cluster-getkeysinslot.js';
import { clusterHelp } from './cluster-help.js';
import { clusterInfo } from './cluster-info.js';
import { clusterKeyslot } from './cluster-keyslot.js';
import { clusterLinks } from './cluster-links.js';
import { clusterMeet } from './cluster-meet.js';
import { clusterMyid } from './cluster-myid.js';
import { clusterMyshardid } from './cluster-myshardid.js';
import { clusterNodes } from './cluster-nodes.js';
import { clusterReplicas } from './cluster-replicas.js';
import { clusterReplicate } from './cluster-replicate.js';
import { clusterReset } from './cluster-reset.js';
import { clusterSaveconfig } from './cluster-saveconfig.js';
import { clusterSetConfigEpoch } from './cluster-set-config-epoch.js';
import { clusterSetslot } from './cluster-setslot.js';
import { clusterShards } from './cluster-shards.js';
import { clusterSlaves } from './cluster-slaves.js';
import { clusterSlots } from './cluster-slots.js';

/** Subcommands answered by this data-node. */
export const clusterReadSubcommands: readonly CommandSpec[] = [
  clusterNodes,
  clusterSlots,
  clusterShards,
  clusterInfo,
  clusterMyid,
  clusterMyshardid,
  clusterKeyslot,
  clusterCountkeysinslot,
  clusterGetkeysinslot,
  clusterCountFailureReports,
  clusterReplicas,
  clusterSlaves,
  clusterLinks,
  clusterHelp,
];

/** Subcommands forwarded to the agent link (cluster-model's ADMIN_SUBCOMMANDS, run by runAdminCommand). */
export const clusterAgentSubcommands: readonly CommandSpec[] = [
  clusterAddslots,
  clusterAddslotsrange,
  clusterDelslots,
  clusterDelslotsrange,
  clusterSetslot,
  clusterMeet,
  clusterReplicate,
  clusterForget,
  clusterReset,
  clusterSetConfigEpoch,
  clusterBumpepoch,
  clusterSaveconfig,
  clusterFailover,
  clusterFlushslots,
];

export const cluster = {
  name: 'cluster',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for cluster commands',
    since: '3.0.0',
    group: 'cluster',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [...clusterReadSubcommands, ...clusterAgentSubcommands],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'cluster'));
  },
} satisfies CommandSpec;
