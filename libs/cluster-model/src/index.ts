// Public entry of @tessera/cluster-model: Redis Cluster state and policy as pure functions (nodes, slots,
// epochs, failure detection, CLUSTER subcommands), the CLUSTER NODES/SLOTS/SHARDS/INFO renderings and the
// nodes.conf codec. Curated named exports only; nothing here does I/O.

// Model
export { CLUSTER_MODEL_ERROR_CODES, ClusterCommandError, ClusterModelError } from './lib/model/errors.js';
export type { ClusterModelErrorCode } from './lib/model/errors.js';
export { assertNodeId, generateNodeId, isNodeId, NODE_ID_LENGTH } from './lib/model/node-id.js';
export type { NodeId } from './lib/model/node-id.js';
export { randomBelow } from './lib/model/env.js';
export type { Clock, ModelEnv, RandomSource } from './lib/model/env.js';
export { isEpoch, MAX_EPOCH, parseEpoch } from './lib/model/epoch.js';
export { normalizeIp } from './lib/model/ip-address.js';
export {
  changeFlags,
  formatFlags,
  hasFlag,
  NO_FLAGS,
  NODE_FLAGS,
  normalizeFlags,
  parseFlags,
} from './lib/model/node-flags.js';
export type { NodeFlag } from './lib/model/node-flags.js';
export {
  createNode,
  inHandshake,
  isFailed,
  isMaster,
  isReplica,
  isTimedOut,
  LINK_STATES,
} from './lib/model/cluster-node.js';
export type { ClusterNode, LinkState, NewNode } from './lib/model/cluster-node.js';
export {
  BLACKLIST_TTL_MS,
  DEFAULT_CLUSTER_OPTIONS,
  FAIL_REPORT_VALIDITY_MULT,
  FAIL_UNDO_TIME_MULT,
  MAX_REJOIN_DELAY_MS,
  MIN_REJOIN_DELAY_MS,
  DEFAULT_MIGRATION_BARRIER,
  DEFAULT_REPLICA_VALIDITY_FACTOR,
  migrationBarrierOf,
  REPL_PING_REPLICA_PERIOD_MS,
  replicaValidityFactorOf,
  resolveOptions,
  WRITABLE_DELAY_MS,
} from './lib/model/cluster-options.js';
export type { ClusterOptions } from './lib/model/cluster-options.js';
export {
  assignedSlotCount,
  CLUSTER_HEALTH,
  effectiveConfigEpoch,
  masterOf,
  myself,
  nodeById,
  replicasOf,
  shardLeader,
} from './lib/model/cluster-state.js';
export type { ClusterHealth, ClusterState, FailoverVote } from './lib/model/cluster-state.js';
export { CLUSTER_EVENT_TYPES, EFFECT_KINDS, effectsOf, eventsOf } from './lib/model/effects.js';
export type {
  ClusterEvent,
  ClusterEventType,
  Effect,
  EffectKind,
  LogLevel,
  MessageOutcome,
  Transition,
} from './lib/model/effects.js';
export type { ClusterBus } from './lib/cluster-bus.js';

// Transitions
export { BUS_MESSAGE_TYPES } from './lib/transitions/messages.js';
export type {
  BusMessageType,
  FailMessage,
  ForgottenNode,
  GossipEntry,
  MessageHeader,
  MessageLink,
  PingMessage,
  UpdateMessage,
} from './lib/transitions/messages.js';
export {
  isValidHostname,
  MAX_GOSSIP_ENTRIES,
  validateFailMessage,
  validatePingMessage,
  validateUpdateMessage,
} from './lib/transitions/validate-message.js';
export { createClusterState } from './lib/transitions/create-cluster-state.js';
export type { NewClusterState } from './lib/transitions/create-cluster-state.js';
export { announceMyself, setMyReplicationOffset, withOptions } from './lib/transitions/local-config.js';
export type { Announcement } from './lib/transitions/local-config.js';
export { applyPingMessage } from './lib/transitions/apply-ping.js';
export { applyFailMessage } from './lib/transitions/apply-fail.js';
export { applyUpdateMessage } from './lib/transitions/apply-update.js';
export { connectFailed, linkConnected, linkLost } from './lib/transitions/link-events.js';
export { MIN_HANDSHAKE_TIMEOUT_MS, tick } from './lib/transitions/tick.js';
export type { TickOptions } from './lib/transitions/tick.js';
export { updateClusterState } from './lib/transitions/update-cluster-state.js';
export { beforeSleep } from './lib/transitions/before-sleep.js';
export type { BeforeSleepResult } from './lib/transitions/before-sleep.js';
export {
  buildFailMessage,
  buildHeader,
  buildPingMessage,
  buildUpdateMessage,
} from './lib/transitions/build-messages.js';

// Failover: votes, promotion, eligibility and ranking, the coordinator's election plan
export { grantFailoverVote, VOTE_DENIALS, VOTE_INTERVAL_MULT } from './lib/failover/vote.js';
export type { VoteDenial, VoteOutcome, VoteRequest } from './lib/failover/vote.js';
export { promoteMyself, PROMOTION_REFUSALS, startElection, takeOverMaster } from './lib/failover/promote.js';
export type { Promotion, PromotionOutcome, PromotionRefusal } from './lib/failover/promote.js';
export {
  dataAge,
  ELECTION_FIXED_DELAY_MS,
  ELECTION_RANDOM_DELAY_MS,
  ELECTION_RANK_DELAY_MS,
  electionDelayMs,
  electionTimeoutMs,
  FAILOVER_INELIGIBILITY,
  failoverEligibility,
  MANUAL_FAILOVER_PAUSE_MULT,
  MANUAL_FAILOVER_TIMEOUT_MS,
  MIN_ELECTION_TIMEOUT_MS,
  replicaRank,
  votesNeeded,
} from './lib/failover/eligibility.js';
export type { Eligibility, FailoverIneligibility, ReplicaLinkFacts } from './lib/failover/eligibility.js';
export { failedMasters, maxEpochSeen, planElection, tallyElection } from './lib/failover/election-plan.js';
export type { AgentView, Ballot, CandidateInfo, Claim, ElectionPlan } from './lib/failover/election-plan.js';

// CLUSTER subcommands
export { CLUSTER_ERRORS, EMPTY_KEYSPACE, OK_REPLY } from './lib/commands/command-outcome.js';
export type { CommandOutcome, CommandReply, KeyspaceView } from './lib/commands/command-outcome.js';
export { clusterAddSlots, clusterAddSlotsRange } from './lib/commands/cluster-addslots.js';
export { clusterSetSlot } from './lib/commands/cluster-setslot.js';
export { clusterBumpEpoch, clusterSetConfigEpoch } from './lib/commands/cluster-epoch-commands.js';
export { clusterReplicate } from './lib/commands/cluster-replicate.js';
export { clusterForget } from './lib/commands/cluster-forget.js';
export { clusterReset } from './lib/commands/cluster-reset.js';
export { CLUSTER_PORT_INCR, clusterMeet } from './lib/commands/cluster-meet.js';
export { ADMIN_SUBCOMMANDS, failoverMode, runAdminCommand } from './lib/commands/run-admin-command.js';
export type { AdminSubcommand, FailoverMode } from './lib/commands/run-admin-command.js';

// Renderings
export { renderClusterNodes } from './lib/render/render-cluster-nodes.js';
export { renderClusterReplicas } from './lib/render/render-cluster-replicas.js';
export type { ReplicasOutcome } from './lib/render/render-cluster-replicas.js';
export { PREFERRED_ENDPOINT_TYPES } from './lib/render/endpoint.js';
export type { EndpointOptions, PreferredEndpointType } from './lib/render/endpoint.js';
export { renderClusterSlots } from './lib/render/render-cluster-slots.js';
export type { ClusterSlotsNode, ClusterSlotsRange } from './lib/render/render-cluster-slots.js';
export {
  renderClusterShards,
  SHARD_NODE_HEALTH,
  shardNodeFields,
} from './lib/render/render-cluster-shards.js';
export type { Shard, ShardNode, ShardNodeHealth } from './lib/render/render-cluster-shards.js';
export { renderClusterInfo } from './lib/render/render-cluster-info.js';
export type { ClusterInfoStats } from './lib/render/render-cluster-info.js';
export { renderCountFailureReports, renderMyId, renderMyShardId } from './lib/render/render-node-queries.js';
export type { CountOutcome } from './lib/render/render-node-queries.js';

// nodes.conf and CLUSTER NODES codecs
export { formatNodesConf } from './lib/codec/nodes-conf.js';
export type { NodesConfFormatOptions } from './lib/codec/nodes-conf.js';
export { NodesConfParser, parseNodesConf } from './lib/codec/nodes-conf-parser.js';
export type {
  NodesConfParserOptions,
  NodesConfSink,
  ParseNodesConfOptions,
} from './lib/codec/nodes-conf-parser.js';
export {
  clusterStateFromNodes,
  ClusterNodesParser,
  parseClusterNodes,
} from './lib/codec/cluster-nodes-parser.js';
export type { StateFromNodesOptions } from './lib/codec/cluster-nodes-parser.js';
export type { ParsedNodeLine } from './lib/codec/node-line-parser.js';
export type { AssembleOptions, Vars } from './lib/codec/assemble-state.js';
export {
  exportStateJson,
  importStateJson,
  STATE_JSON_FORMAT,
  STATE_JSON_VERSION,
} from './lib/codec/state-json.js';
