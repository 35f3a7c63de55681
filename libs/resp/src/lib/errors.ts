// Error classes of @tessera/resp (style guide rule 13): each sets `name`, takes `ErrorOptions` and
// exposes a stable `code`. Decoders never throw these out of `feed()`: they hand them to the handler.

/** Malformed RESP input. For requests, `message` is exactly Redis' text (`Protocol error: ...`). */
export class RespProtocolError extends Error {
  override readonly name = 'RespProtocolError';
  readonly code = 'RESP_PROTOCOL' as const;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A value the encoder cannot represent on the wire (e.g. a non-integer passed to `integer()`). */
export class RespEncodeError extends Error {
  override readonly name = 'RespEncodeError';
  readonly code = 'RESP_ENCODE' as const;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
