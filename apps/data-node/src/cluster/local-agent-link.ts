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
  runAdminCommand,
  isReplica,
  updateClusterState,
  type ClusterNode,
  type ClusterState,
  type Effect,
  type KeyspaceView,
  type ModelEnv,
} from '@tessera/cluster-model';
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
    const sub = (args[0] ?? '').toLowerCase();
    if (sub === 'saveconfig') return { kind: 'ok' }; // nothing to save: the agent owns nodes.conf
    const wasReplica = isReplica(this.myself());
    const outcome = runAdminCommand(this.current, args, this.options.env, this.keyspaceView);
    if (outcome === null) return { kind: 'error', text: Err.unknownSubcommand(args[0] ?? '', 'cluster') };
    if (!outcome.ok) return { kind: 'error', text: outcome.error.message };
    if (sub === 'failover') return { kind: 'error', text: FAILOVER_NEEDS_AGENT };
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
