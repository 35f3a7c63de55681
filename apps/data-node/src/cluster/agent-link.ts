// The port through which CLUSTER admin subcommands received on the RESP port reach the owner of the cluster
// configuration (style rule 16: the data-node defines it, adapters implement it). The gossip-agent's Attach
// stream implements it (AttachedAgentLink, which answers later: a promise) and, for single-process use and
// tests, `LocalAgentLink` applies the subcommands in-process and answers at once. Either way the reply is
// given only once the resulting topology is the router's view, so a client that reads `+OK` and then sends a
// keyed command is routed by the new configuration. No I/O here.

/** A reply value as the agent gives it, independent of the RESP version (rendered by reply-value.ts). */
export type AgentValue =
  | { readonly type: 'simple'; readonly text: string }
  | { readonly type: 'integer'; readonly value: bigint }
  /** A bulk string: bytes. */
  | { readonly type: 'bulk'; readonly bytes: Buffer }
  /** Verbatim text (RESP3 `=`, a bulk string in RESP2), e.g. CLUSTER INFO. */
  | { readonly type: 'verbatim'; readonly bytes: Buffer }
  | { readonly type: 'array'; readonly items: readonly AgentValue[] }
  /** A map (RESP3 `%`, a flat array in RESP2). */
  | { readonly type: 'map'; readonly entries: readonly (readonly [AgentValue, AgentValue])[] }
  | { readonly type: 'null' };

/** What the agent answered: Redis's reply to the subcommand. */
export type AgentReply =
  | { readonly kind: 'ok' }
  /** A status line such as `BUMPED 5` (CLUSTER BUMPEPOCH). */
  | { readonly kind: 'status'; readonly text: string }
  /** Redis's error text, code included (`ERR Slot 5 is already busy`). */
  | { readonly kind: 'error'; readonly text: string }
  /** Any other reply (the gossip-agent answers with typed values). */
  | { readonly kind: 'value'; readonly value: AgentValue };

/** What the link may tell the agent about the forwarding client. */
export interface ForwardFacts {
  /** The client's address (ip:port), for the agent's log. */
  readonly clientAddress: string;
}

/**
 * How long a client waits for the gossip-agent's answer to a forwarded subcommand (the ClusterCommand
 * deadline and the wait for the topology it names) before getting `Err.agentTimeout`.
 */
export const AGENT_REPLY_TIMEOUT_MS = 5_000;

export interface AgentLink {
  /**
   * True when `forward` always returns the reply itself (the in-process link), so the subcommands may run
   * inside MULTI/EXEC; false when it may return a promise, which a transaction cannot wait for.
   */
  readonly answersAtOnce: boolean;
  /**
   * Forwards one admin subcommand. `args` are the words after CLUSTER, the subcommand first, as the client
   * sent them (byte strings: `['ADDSLOTS', '0', '1']`); arity was already checked against Redis's command
   * table. The reply, or a promise of it that resolves once the resulting topology is the router's view
   * (it rejects when the agent does not answer).
   */
  forward(args: readonly string[], facts: ForwardFacts): AgentReply | Promise<AgentReply>;
}
