// Typed errors of @tessera/cluster-model. Two kinds, never mixed:
// - ClusterModelError: bad input to the model (a malformed nodes.conf or CLUSTER NODES line, an invalid bus
//   message, a broken random source). `code` is an RC_ERR_CLUSTER_MODEL_* string, stable forever.
// - ClusterCommandError: a CLUSTER subcommand refused, exactly as Redis 7.0 refuses it. `message` is the full
//   RESP error text (`ERR Slot 5 is already busy`) and `code` its first word, so the data-node replies with it as is.
// Pure: no I/O, no logging.

/** Stable codes of {@link ClusterModelError}. Never rename or reuse one; add new ones at the end. */
export const CLUSTER_MODEL_ERROR_CODES = {
  /** A node id is not 40 lowercase hex characters. */
  NODE_ID_INVALID: 'RC_ERR_CLUSTER_MODEL_NODE_ID_INVALID',
  /** A nodes.conf text is malformed; `line` names the offending line (1-based). */
  NODES_CONF_INVALID: 'RC_ERR_CLUSTER_MODEL_NODES_CONF_INVALID',
  /** A CLUSTER NODES text is malformed; `line` names the offending line (1-based). */
  CLUSTER_NODES_INVALID: 'RC_ERR_CLUSTER_MODEL_CLUSTER_NODES_INVALID',
  /** A bus message (PING/PONG/MEET, FAIL, UPDATE) failed validation and was not applied. */
  MESSAGE_INVALID: 'RC_ERR_CLUSTER_MODEL_MESSAGE_INVALID',
  /** A bus message came from a node this node does not know (and is not a MEET): ignored, as Redis does. */
  SENDER_UNKNOWN: 'RC_ERR_CLUSTER_MODEL_SENDER_UNKNOWN',
  /** A JSON state export could not be imported (wrong shape, version or inconsistent content). */
  STATE_JSON_INVALID: 'RC_ERR_CLUSTER_MODEL_STATE_JSON_INVALID',
  /** The injected random source returned something other than a uint32. */
  RANDOM_SOURCE_INVALID: 'RC_ERR_CLUSTER_MODEL_RANDOM_SOURCE_INVALID',
  /** A cluster option is out of range (for example a non-positive node timeout). */
  OPTION_INVALID: 'RC_ERR_CLUSTER_MODEL_OPTION_INVALID',
  /** A node passed to a transition is not in the state. */
  NODE_UNKNOWN: 'RC_ERR_CLUSTER_MODEL_NODE_UNKNOWN',
} as const;

export type ClusterModelErrorCode =
  (typeof CLUSTER_MODEL_ERROR_CODES)[keyof typeof CLUSTER_MODEL_ERROR_CODES];

/** Bad input to the cluster model; `code` says which rule was broken, `line` where (for text parsers). */
export class ClusterModelError extends Error {
  override readonly name = 'ClusterModelError';

  constructor(
    readonly code: ClusterModelErrorCode,
    message: string,
    options?: ErrorOptions & { line?: number },
  ) {
    super(message, options);
    if (options?.line !== undefined) this.line = options.line;
  }

  /** 1-based line number of the offending line, for text parsers. */
  readonly line?: number;
}

/**
 * A CLUSTER subcommand refused with Redis's exact reply: `message` is the whole error text as the client sees
 * it after `-` (for example `ERR Unknown node 0123...`), `code` its first word (`ERR`).
 */
export class ClusterCommandError extends Error {
  override readonly name = 'ClusterCommandError';
  /** First word of the reply text: the RESP error prefix. */
  readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const space = message.indexOf(' ');
    this.code = space < 0 ? message : message.slice(0, space);
  }
}

/** Longest piece of bad input quoted back in a message, so huge garbage stays out of logs. */
const MAX_QUOTED = 60;

/** `JSON.stringify` of `text`, cut to a readable length: for quoting bad input in error messages. */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** Any bad value, shown safely in a message (never calls the value's own conversions, which may throw). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  return value === null ? 'null' : typeof value;
}
