// Errors raised by @tessera/proto's own helpers (never by the generated code). Each has a stable
// `code` from the RC_ERR_* catalogue in docs/conventions.md; codes are never reused.

/** Stable codes of the errors this lib throws. */
export const PROTO_ERROR_CODES = {
  /** A decimal epoch string is not an unsigned 64-bit integer. */
  EPOCH_INVALID: 'RC_ERR_PROTO_EPOCH_INVALID',
} as const;

export type ProtoErrorCode = (typeof PROTO_ERROR_CODES)[keyof typeof PROTO_ERROR_CODES];

/** A decimal string given as an epoch is not `0..18446744073709551615` written in plain digits. */
export class InvalidEpochError extends Error {
  override readonly name = 'InvalidEpochError';
  readonly code: ProtoErrorCode = PROTO_ERROR_CODES.EPOCH_INVALID;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
