// Shared shapes of the CLUSTER subcommand transitions: what they return, the keyspace facts the data-node
// supplies, and argument parsing with Redis 7.0's exact error texts (redis src/cluster.c getSlotOrReply,
// object.c getLongLongFromObjectOrReply). Arity is the data-node's command table's job; the handlers here
// check what Redis checks inside the handler. Pure: no I/O.
import { parseSlot } from '@tessera/slot';
import type { Transition } from '../model/effects.js';
import { ClusterCommandError } from '../model/errors.js';

/** The reply of a successful subcommand: `+OK`, or a status line such as `+BUMPED 5`. */
export type CommandReply = { readonly kind: 'ok' } | { readonly kind: 'status'; readonly text: string };

export const OK_REPLY: CommandReply = { kind: 'ok' };

/** Applied (new state, effects, reply), or refused with Redis's error reply and the state unchanged. */
export type CommandOutcome =
  | ({ readonly ok: true; readonly reply: CommandReply } & Transition)
  | { readonly ok: false; readonly error: ClusterCommandError };

/** Keyspace facts some subcommands need, supplied by the data-node that owns the keys. */
export interface KeyspaceView {
  /** Number of keys in the database (DBSIZE). */
  readonly keyCount: number;
  /** Number of keys in `slot` (CLUSTER COUNTKEYSINSLOT). */
  countKeysInSlot(slot: number): number;
}

/** An empty keyspace: what a node without data reports. */
export const EMPTY_KEYSPACE: KeyspaceView = { keyCount: 0, countKeysInSlot: () => 0 };

/** Redis's error replies for CLUSTER subcommands, written once (redis src/cluster.c, 7.0). */
export const CLUSTER_ERRORS = {
  invalidSlot: 'ERR Invalid or out of range slot',
  notInteger: 'ERR value is not an integer or out of range',
  syntax: 'ERR syntax error',
  wrongArity: (subcommand: string) =>
    `ERR wrong number of arguments for 'cluster|${subcommand.toLowerCase()}' command`,
  slotBusy: (slot: number) => `ERR Slot ${slot} is already busy`,
  slotUnassigned: (slot: number) => `ERR Slot ${slot} is already unassigned`,
  slotRepeated: (slot: number) => `ERR Slot ${slot} specified multiple times`,
  rangeReversed: (start: number, end: number) =>
    `ERR start slot number ${start} is greater than end slot number ${end}`,
  setslotOnReplica: 'ERR Please use SETSLOT only with masters.',
  notOwner: (slot: number) => `ERR I'm not the owner of hash slot ${slot}`,
  alreadyOwner: (slot: number) => `ERR I'm already the owner of hash slot ${slot}`,
  dontKnowNode: (id: string) => `ERR I don't know about node ${id}`,
  unknownNode: (id: string) => `ERR Unknown node ${id}`,
  targetNotMaster: 'ERR Target node is not a master',
  stillHoldKeys: (slot: number) =>
    `ERR Can't assign hashslot ${slot} to a different node while I still hold keys for this hash slot.`,
  setslotAction: 'ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
  replicateMyself: "ERR Can't replicate myself",
  replicateReplica: 'ERR I can only replicate a master, not a replica.',
  replicateNotEmpty: 'ERR To set a master the node must be empty and without assigned slots.',
  forgetMyself: "ERR I tried hard but I can't forget myself...",
  forgetMyMaster: "ERR Can't forget my master!",
  epochInvalid: (epoch: string) => `ERR Invalid config epoch specified: ${epoch}`,
  epochNotAlone: 'ERR The user can assign a config epoch only when the node does not know any other node.',
  epochNonZero: 'ERR Node config epoch is already non-zero',
  resetWithKeys: "ERR CLUSTER RESET can't be called with master nodes containing keys",
  invalidBasePort: (port: string) => `ERR Invalid TCP base port specified: ${port}`,
  invalidBusPort: (port: string) => `ERR Invalid TCP bus port specified: ${port}`,
  invalidAddress: (ip: string, port: string) => `ERR Invalid node address specified: ${ip}:${port}`,
  flushslotsNotEmpty: 'ERR DB must be empty to perform CLUSTER FLUSHSLOTS.',
  failoverOnMaster: 'ERR You should send CLUSTER FAILOVER to a replica',
  failoverMasterUnknown: "ERR I'm a replica but my master is unknown to me",
  failoverMasterDown: 'ERR Master is down or failed, please use CLUSTER FAILOVER FORCE',
} as const;

export function refuse(text: string): CommandOutcome {
  return { ok: false, error: new ClusterCommandError(text) };
}

/** A slot argument (strict decimal 0..16383), or `null` (reply CLUSTER_ERRORS.invalidSlot). */
export function slotArgument(text: string): number | null {
  return parseSlot(text);
}

const INT64_TEXT = /^-?(?:0|[1-9][0-9]{0,18})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Redis string2ll: an int64 in canonical decimal (`-5`, `0`, `42`), else `null`. */
export function int64Argument(text: string): bigint | null {
  if (!INT64_TEXT.test(text) || text === '-0') return null;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? null : value;
}
