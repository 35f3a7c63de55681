// The in-process stand-in for the gossip-agent (until the agent app and its Attach stream exist): it holds
// this node's cluster-model state, applies the CLUSTER admin subcommands with the model's own transitions
// (so replies and error texts are Redis's), flushes the effects the data-node can act on (cluster_state,
// dropped slot keys, a replica's data on RESET) and publishes the new state before answering. A timer
// re-evaluates cluster_state every 100 ms as clusterCron does (the 2 s writable delay of a fresh master).
//
// What it cannot do without a bus: MEET only adds a handshake node that never completes, no gossip reaches
// other nodes, no failure detection or failover, and nodes.conf is not written (SAVECONFIG answers +OK).
// The real agent replaces all of it; `load` is how a whole topology is installed meanwhile (tests).
import {
  beforeSleep,
  clusterAddSlots,
  clusterAddSlotsRange,
  clusterBumpEpoch,
  clusterForget,
  clusterMeet,
  clusterReplicate,
  clusterReset,
  clusterSetConfigEpoch,
  clusterSetSlot,
  ClusterCommandError,
  isFailed,
  isReplica,
  updateClusterState,
  type ClusterNode,
  type ClusterState,
  type CommandOutcome,
  type Effect,
  type KeyspaceView,
  type ModelEnv,
} from '@tessera/cluster-model';
import { SLOT_COUNT } from '@tessera/slot';
import { Err } from '../commands/reply-errors.js';
import type { AgentLink, AgentReply } from './agent-link.js';

/** The keyspace facts and actions the link needs (the data-node's Database has them). */
export interface LocalKeyspace {
  readonly size: number;
  countInSlot(slot: number): number;
  flushSlot(slot: number): number;
  flush(): number;
}

export interface LocalAgentLinkOptions {
  /** This node's configuration to start from (a fresh `createClusterState`, or a loaded one). */
  readonly initial: ClusterState;
  readonly env: ModelEnv;
  readonly keyspace: LocalKeyspace;
  /** Called with every new state, before the command that caused it is answered. */
  readonly publish: (state: ClusterState) => void;
}

/** Not a Redis text: what a valid CLUSTER FAILOVER gets without an agent to run the election. */
export const FAILOVER_NEEDS_AGENT =
  'ERR CLUSTER FAILOVER needs the gossip-agent: this data-node runs with the in-process agent link, which cannot fail over';

/** cluster_state re-evaluation period (redis clusterCron runs every 100 ms). */
const EVALUATE_EVERY_MS = 100;

export class LocalAgentLink implements AgentLink {
  readonly answersAtOnce = true;
  private current: ClusterState;
  private timer: NodeJS.Timeout | null = null;
  private readonly keyspaceView: KeyspaceView;

  constructor(private readonly options: LocalAgentLinkOptions) {
    const keyspace = options.keyspace;
    this.keyspaceView = {
      get keyCount() {
        return keyspace.size;
      },
      countKeysInSlot: (slot) => keyspace.countInSlot(slot),
    };
    this.current = updateClusterState(options.initial, options.env).state;
    options.publish(this.current);
  }

  /** The configuration as it stands. */
  get state(): ClusterState {
    return this.current;
  }

  forward(args: readonly string[]): AgentReply {
    const [name = '', ...rest] = args;
    const sub = name.toLowerCase();
    if (sub === 'saveconfig') return { kind: 'ok' }; // nothing to save: the agent will own nodes.conf
    if (sub === 'failover') return this.failover(rest);
    const wasReplica = isReplica(this.myself());
    const outcome = this.run(sub, rest);
    if (outcome === null) return { kind: 'error', text: Err.unknownSubcommand(name, 'cluster') };
    if (!outcome.ok) return { kind: 'error', text: outcome.error.message };
    this.apply(outcome.state, outcome.effects);
    // Redis clusterReset: a replica that resets becomes an empty master (emptyData).
    if (sub === 'reset' && wasReplica) this.options.keyspace.flush();
    return outcome.reply.kind === 'ok' ? { kind: 'ok' } : { kind: 'status', text: outcome.reply.text };
  }

  /** Installs a whole configuration (a snapshot), as the Attach client will on each agent snapshot. */
  load(state: ClusterState): void {
    this.current = updateClusterState(state, this.options.env).state;
    this.options.publish(this.current);
  }

  /** Re-evaluates cluster_state; publishes when it (or cluster_size) changed. */
  evaluate(): void {
    const before = this.current;
    this.current = updateClusterState(before, this.options.env).state;
    if (this.current.health !== before.health || this.current.size !== before.size) {
      this.options.publish(this.current);
    }
  }

  /** Starts the periodic re-evaluation (unref'd: it never keeps the process alive). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.evaluate(), EVALUATE_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** The model transition of `sub`; null for a subcommand that is not the agent's. */
  private run(sub: string, args: readonly string[]): CommandOutcome | null {
    const { env } = this.options;
    const state = this.current;
    switch (sub) {
      case 'addslots':
        return clusterAddSlots(state, args, false, env);
      case 'delslots':
        return clusterAddSlots(state, args, true, env);
      case 'addslotsrange':
        return clusterAddSlotsRange(state, args, false, env);
      case 'delslotsrange':
        return clusterAddSlotsRange(state, args, true, env);
      case 'setslot':
        return clusterSetSlot(state, args, env, this.keyspaceView);
      case 'meet':
        return clusterMeet(state, args, env);
      case 'replicate':
        return clusterReplicate(state, args, env, this.keyspaceView);
      case 'forget':
        return clusterForget(state, args, env);
      case 'reset':
        return clusterReset(state, args, env, this.keyspaceView);
      case 'set-config-epoch':
        return clusterSetConfigEpoch(state, args, env);
      case 'bumpepoch':
        return clusterBumpEpoch(state, env);
      case 'flushslots':
        return this.flushSlots();
      default:
        return null;
    }
  }

  /** CLUSTER FLUSHSLOTS (redis clusterDelNodeSlots(myself)): DELSLOTS of every slot myself owns. */
  private flushSlots(): CommandOutcome {
    const state = this.current;
    if (this.options.keyspace.size !== 0) {
      return { ok: false, error: new ClusterCommandError(Err.flushslotsNotEmpty) };
    }
    const mine: string[] = [];
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      if (state.slotOwners[slot] === state.myselfId) mine.push(String(slot));
    }
    return clusterAddSlots(state, mine, true, this.options.env);
  }

  /** CLUSTER FAILOVER [FORCE|TAKEOVER]: Redis's option and precondition checks, then FAILOVER_NEEDS_AGENT. */
  private failover(args: readonly string[]): AgentReply {
    const option = args[0]?.toLowerCase();
    if (option !== undefined && option !== 'force' && option !== 'takeover') {
      return { kind: 'error', text: Err.syntax };
    }
    const me = this.myself();
    if (!isReplica(me)) return { kind: 'error', text: Err.failoverOnMaster };
    const master = me.masterId === null ? undefined : this.current.nodes.get(me.masterId);
    if (master === undefined) return { kind: 'error', text: Err.failoverMasterUnknown };
    if (option === undefined && (isFailed(master) || master.link !== 'connected')) {
      return { kind: 'error', text: Err.failoverMasterDown };
    }
    return { kind: 'error', text: FAILOVER_NEEDS_AGENT };
  }

  private apply(state: ClusterState, effects: readonly Effect[]): void {
    const flushed = beforeSleep(state, effects, this.options.env);
    for (const effect of flushed.effects) {
      if (effect.kind === 'drop-slot-keys') {
        for (const slot of effect.slots) this.options.keyspace.flushSlot(slot);
      }
    }
    this.current = flushed.state;
    this.options.publish(this.current);
  }

  private myself(): ClusterNode {
    return this.current.nodes.get(this.current.myselfId) as ClusterNode;
  }
}
