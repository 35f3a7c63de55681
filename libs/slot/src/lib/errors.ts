// Typed errors of @tessera/slot: one class, one stable `code` per kind of bad input.
// Codes are part of the public API: never rename or reuse one; add new ones at the end.
// Pure: no I/O, no logging.

/** Stable error codes thrown by @tessera/slot. */
export const SLOT_ERROR_CODES = {
  /** A slot is not an integer in 0..16383 (Redis Cluster has 16384 hash slots). */
  SLOT_OUT_OF_RANGE: 'SLOT_OUT_OF_RANGE',
  /** A slot range ends before it starts (`start > end`). */
  SLOT_RANGE_REVERSED: 'SLOT_RANGE_REVERSED',
  /** A range token is not `<slot>` or `<start>-<end>` in canonical decimal, as CLUSTER NODES prints it. */
  SLOT_RANGE_TOKEN_INVALID: 'SLOT_RANGE_TOKEN_INVALID',
  /** A slot range is not a `{ start, end }` object. */
  SLOT_RANGE_INVALID: 'SLOT_RANGE_INVALID',
  /** A slot bitmap is not a Uint8Array of exactly 2048 bytes (16384 bits). */
  SLOT_BITMAP_INVALID: 'SLOT_BITMAP_INVALID',
} as const;

export type SlotErrorCode = (typeof SLOT_ERROR_CODES)[keyof typeof SLOT_ERROR_CODES];

/** Bad input to a slot helper; `code` says which rule was broken. */
export class SlotError extends Error {
  override readonly name = 'SlotError';

  constructor(
    readonly code: SlotErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
