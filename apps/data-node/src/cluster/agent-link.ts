// The port through which CLUSTER admin subcommands received on the RESP port reach the owner of the cluster
// configuration (style rule 16: the data-node defines it, adapters implement it). The gossip-agent's Attach
// stream will implement it; until then `LocalAgentLink` applies the subcommands in-process. Either way the
// reply is given only once the resulting topology is the router's view, so a client that reads `+OK` and
// then sends a keyed command is routed by the new configuration. No I/O here.

/** What the agent answered: Redis's reply to the subcommand. */
export type AgentReply =
  | { readonly kind: 'ok' }
  /** A status line such as `BUMPED 5` (CLUSTER BUMPEPOCH). */
  | { readonly kind: 'status'; readonly text: string }
  /** Redis's error text, code included (`ERR Slot 5 is already busy`). */
  | { readonly kind: 'error'; readonly text: string };

export interface AgentLink {
  /**
   * Forwards one admin subcommand. `args` are the words after CLUSTER, the subcommand first, as the client
   * sent them (`['ADDSLOTS', '0', '1']`); arity was already checked against Redis's command table.
   */
  forward(args: readonly string[]): AgentReply;
}

/** The CLUSTER subcommands that change the configuration, hence go to the agent (lower case). */
export const AGENT_SUBCOMMANDS = [
  'addslots',
  'addslotsrange',
  'bumpepoch',
  'delslots',
  'delslotsrange',
  'failover',
  'flushslots',
  'forget',
  'meet',
  'replicate',
  'reset',
  'saveconfig',
  'set-config-epoch',
  'setslot',
] as const;

export type AgentSubcommand = (typeof AGENT_SUBCOMMANDS)[number];
