// Typed errors of @tessera/cluster-client: one small class per failure a caller may want to handle, each
// with a stable `RC_ERR_CLUSTER_CLIENT_*` code (catalogue: docs/conventions.md; never renamed or reused).
// Server replies that are not redirects reach the caller as the `RespError` of @tessera/resp (its `code` is
// the RESP prefix: WRONGTYPE, ERR, ...); redirect replies are parsed into the classes of `redirect/`.
// No I/O here.

/** Stable codes of the errors this library throws. */
export const CLUSTER_CLIENT_ERROR_CODES = {
  /** An option passed to ClusterClient / Connection is missing or out of range. */
  OPTION_INVALID: 'RC_ERR_CLUSTER_CLIENT_OPTION_INVALID',
  /** The TCP connection to a node could not be opened (refused, unreachable, DNS). */
  CONNECT_FAILED: 'RC_ERR_CLUSTER_CLIENT_CONNECT_FAILED',
  /** Connecting plus the handshake took longer than `connectTimeoutMs`. */
  CONNECT_TIMEOUT: 'RC_ERR_CLUSTER_CLIENT_CONNECT_TIMEOUT',
  /** No reply within `commandTimeoutMs`; the command may or may not have run. */
  COMMAND_TIMEOUT: 'RC_ERR_CLUSTER_CLIENT_COMMAND_TIMEOUT',
  /** The connection closed (or was closed) before the reply arrived. */
  CONNECTION_CLOSED: 'RC_ERR_CLUSTER_CLIENT_CONNECTION_CLOSED',
  /** The node rejected HELLO / AUTH / CLIENT SETNAME / READONLY. */
  HANDSHAKE_FAILED: 'RC_ERR_CLUSTER_CLIENT_HANDSHAKE_FAILED',
  /** The node sent bytes that are not RESP, or a reply nobody asked for; the connection was dropped. */
  PROTOCOL: 'RC_ERR_CLUSTER_CLIENT_PROTOCOL',
  /** No seed (nor known node) answered CLUSTER SLOTS. */
  DISCOVERY_FAILED: 'RC_ERR_CLUSTER_CLIENT_DISCOVERY_FAILED',
  /** A CLUSTER SLOTS reply does not have the documented shape. */
  TOPOLOGY_INVALID: 'RC_ERR_CLUSTER_CLIENT_TOPOLOGY_INVALID',
  /** A MOVED/ASK reply whose slot or endpoint cannot be used (slot outside 0..16383, bad host:port). */
  REDIRECT_INVALID: 'RC_ERR_CLUSTER_CLIENT_REDIRECT_INVALID',
  /** A node answered MOVED to itself: its view of the cluster is inconsistent. */
  MOVED_TO_SELF: 'RC_ERR_CLUSTER_CLIENT_MOVED_TO_SELF',
  /** The command was redirected or retried `maxRedirections` times. */
  MAX_REDIRECTIONS: 'RC_ERR_CLUSTER_CLIENT_MAX_REDIRECTIONS',
  /** The keys of one command hash to different slots (checked before any round trip). */
  CROSSSLOT: 'RC_ERR_CLUSTER_CLIENT_CROSSSLOT',
  /** No node is known to send the command to. */
  NO_NODE: 'RC_ERR_CLUSTER_CLIENT_NO_NODE',
  /** The client was closed; the command was not (or no longer) sent. */
  CLIENT_CLOSED: 'RC_ERR_CLUSTER_CLIENT_CLOSED',
} as const;

export type ClusterClientErrorCode =
  (typeof CLUSTER_CLIENT_ERROR_CODES)[keyof typeof CLUSTER_CLIENT_ERROR_CODES];

/** Base class of every RC_ERR_CLUSTER_CLIENT_* error. */
export class ClusterClientError extends Error {
  override readonly name: string = 'ClusterClientError';

  constructor(
    readonly code: ClusterClientErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class InvalidOptionError extends ClusterClientError {
  override readonly name = 'InvalidOptionError';
  constructor(message: string, options?: ErrorOptions) {
    super(CLUSTER_CLIENT_ERROR_CODES.OPTION_INVALID, message, options);
  }
}

/** A failure of the link to one node; `address` is its `host:port`. */
export class ConnectionError extends ClusterClientError {
  override readonly name: string = 'ConnectionError';
  constructor(
    code: ClusterClientErrorCode,
    readonly address: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

export class ConnectFailedError extends ConnectionError {
  override readonly name = 'ConnectFailedError';
  constructor(address: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(
      CLUSTER_CLIENT_ERROR_CODES.CONNECT_FAILED,
      address,
      `cannot connect to ${address}${reason}`,
      options,
    );
  }
}

export class ConnectionClosedError extends ConnectionError {
  override readonly name = 'ConnectionClosedError';
  constructor(address: string, message = `connection to ${address} closed`, options?: ErrorOptions) {
    super(CLUSTER_CLIENT_ERROR_CODES.CONNECTION_CLOSED, address, message, options);
  }
}

export class ProtocolError extends ConnectionError {
  override readonly name = 'ProtocolError';
  constructor(address: string, message: string, options?: ErrorOptions) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.PROTOCOL,
      address,
      `protocol error from ${address}: ${message}`,
      options,
    );
  }
}

export class HandshakeFailedError extends ConnectionError {
  override readonly name = 'HandshakeFailedError';
  constructor(address: string, command: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(
      CLUSTER_CLIENT_ERROR_CODES.HANDSHAKE_FAILED,
      address,
      `${address} rejected ${command} during the handshake${reason} (check the username, password and protocol options)`,
      options,
    );
  }
}

/** No answer in time. `phase` says whether the connection (connect + handshake) or a command timed out. */
export class TimeoutError extends ConnectionError {
  override readonly name = 'TimeoutError';
  constructor(
    readonly phase: 'connect' | 'command',
    address: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(
      phase === 'connect'
        ? CLUSTER_CLIENT_ERROR_CODES.CONNECT_TIMEOUT
        : CLUSTER_CLIENT_ERROR_CODES.COMMAND_TIMEOUT,
      address,
      phase === 'connect'
        ? `connecting to ${address} took more than ${timeoutMs} ms (connectTimeoutMs)`
        : `no reply from ${address} within ${timeoutMs} ms (commandTimeoutMs / timeoutMs)`,
      options,
    );
  }
}

export class ClusterDiscoveryError extends ClusterClientError {
  override readonly name = 'ClusterDiscoveryError';
  constructor(addresses: readonly string[], options?: ErrorOptions) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.DISCOVERY_FAILED,
      `no node answered CLUSTER SLOTS (tried ${addresses.join(', ') || 'nothing'}); check the seeds option`,
      options,
    );
  }
}

export class TopologyInvalidError extends ClusterClientError {
  override readonly name = 'TopologyInvalidError';
  constructor(message: string, options?: ErrorOptions) {
    super(CLUSTER_CLIENT_ERROR_CODES.TOPOLOGY_INVALID, `invalid CLUSTER SLOTS reply: ${message}`, options);
  }
}

export class InvalidRedirectError extends ClusterClientError {
  override readonly name = 'InvalidRedirectError';
  constructor(text: string, options?: ErrorOptions) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.REDIRECT_INVALID,
      `unusable redirect ${JSON.stringify(text.slice(0, 120))}: expected '<MOVED|ASK> <slot 0..16383> <host>:<port 1..65535>'`,
      options,
    );
  }
}

export class MovedToSelfError extends ClusterClientError {
  override readonly name = 'MovedToSelfError';
  constructor(address: string, options?: ErrorOptions) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.MOVED_TO_SELF,
      `${address} redirected the command to itself; its slot table is inconsistent (topology refreshed)`,
      options,
    );
  }
}

/** Retries ran out; `cause` is the last redirect (MovedError, AskError, ...) or connection error seen. */
export class MaxRedirectionsError extends ClusterClientError {
  override readonly name = 'MaxRedirectionsError';
  constructor(
    readonly redirections: number,
    options?: ErrorOptions,
  ) {
    const last = options?.cause instanceof Error ? `; last: ${options.cause.message}` : '';
    super(
      CLUSTER_CLIENT_ERROR_CODES.MAX_REDIRECTIONS,
      `gave up after ${redirections} redirections or retries (maxRedirections)${last}`,
      options,
    );
  }
}

export class CrossSlotError extends ClusterClientError {
  override readonly name = 'CrossSlotError';
  constructor(
    readonly command: string,
    readonly slots: readonly number[],
  ) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.CROSSSLOT,
      `keys of ${command} hash to different slots (${slots.join(', ')}); use a {hash tag} to keep them in one slot`,
    );
  }
}

export class NoNodeError extends ClusterClientError {
  override readonly name = 'NoNodeError';
  constructor(options?: ErrorOptions) {
    super(
      CLUSTER_CLIENT_ERROR_CODES.NO_NODE,
      'no cluster node is known; refreshTopology() or check the seeds',
      options,
    );
  }
}

export class ClientClosedError extends ClusterClientError {
  override readonly name = 'ClientClosedError';
  constructor() {
    super(CLUSTER_CLIENT_ERROR_CODES.CLIENT_CLOSED, 'the cluster client is closed (close() was called)');
  }
}

/** Normalises anything thrown at a boundary (socket callbacks, user hooks) into an Error. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
