// Errors raised by @tessera/proto's own helpers (never by the generated code). Each has a stable
// `code` from the RC_ERR_* catalogue in docs/conventions.md; codes are never reused.
import type { status as GrpcStatus } from '@grpc/grpc-js';

/** Stable codes of the errors this lib throws. */
export const PROTO_ERROR_CODES = {
  /** A decimal epoch string is not an unsigned 64-bit integer. */
  EPOCH_INVALID: 'RC_ERR_PROTO_EPOCH_INVALID',
  /** The cluster-bus secret is too short or empty. */
  BUS_SECRET_INVALID: 'RC_ERR_PROTO_BUS_SECRET_INVALID',
  /** A bus service handler refused a call with a gRPC status (unknown sender, bad content, ...). */
  CALL_REJECTED: 'RC_ERR_PROTO_CALL_REJECTED',
  /** A unary reply came without a valid proof of the cluster secret. */
  REPLY_UNAUTHENTICATED: 'RC_ERR_PROTO_REPLY_UNAUTHENTICATED',
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

/** The secret given to `deriveBusKey` is shorter than `BUS_SECRET_MIN_BYTES`. */
export class InvalidBusSecretError extends Error {
  override readonly name = 'InvalidBusSecretError';
  readonly code: ProtoErrorCode = PROTO_ERROR_CODES.BUS_SECRET_INVALID;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * Thrown by a handler given to `authenticatedService` to end the call with `status` and `message`
 * (e.g. PERMISSION_DENIED for an unknown sender, INVALID_ARGUMENT for a slot above 16383).
 */
export class CallRejectedError extends Error {
  override readonly name = 'CallRejectedError';
  readonly code: ProtoErrorCode = PROTO_ERROR_CODES.CALL_REJECTED;

  constructor(
    /** The gRPC status the caller receives. */
    readonly status: GrpcStatus,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A reply's `x-tessera-proof` is missing or wrong: the caller must not trust the reply. */
export class ReplyUnauthenticatedError extends Error {
  override readonly name = 'ReplyUnauthenticatedError';
  readonly code: ProtoErrorCode = PROTO_ERROR_CODES.REPLY_UNAUTHENTICATED;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
