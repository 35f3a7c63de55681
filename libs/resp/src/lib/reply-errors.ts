// Protocol-error texts of the ReplyDecoder (our own: Redis has no reply parser). Stable strings so
// clients can match them; each names the option that changes the limit it reports. Constants only.

export const REPLY_ERRORS = {
  /** A line did not end in CRLF, or a blob was not followed by CRLF. */
  EXPECTED_CRLF: 'Protocol error: expected CRLF',
  /** A length or count that is not an integer, negative (other than -1 nulls) or otherwise invalid. */
  INVALID_LENGTH: 'Protocol error: invalid length',
  /** `:` not followed by a valid int64. */
  INVALID_INTEGER: 'Protocol error: invalid integer',
  /** `,` not followed by a valid double (decimal, exponent, inf, -inf, nan). */
  INVALID_DOUBLE: 'Protocol error: invalid double',
  /** `(` not followed by decimal digits. */
  INVALID_BIG_NUMBER: 'Protocol error: invalid big number',
  /** `#` not followed by exactly `t` or `f`. */
  INVALID_BOOLEAN: 'Protocol error: invalid boolean',
  /** `_` followed by anything before CRLF. */
  INVALID_NULL: 'Protocol error: invalid null',
  /** `=` payload shorter than 4 bytes or without `:` after its 3-byte format. */
  INVALID_VERBATIM: 'Protocol error: invalid verbatim string',
  /** `.` outside a streamed aggregate, or `;` outside a streamed string. */
  UNEXPECTED_STREAM_PART: 'Protocol error: unexpected streamed part',
  /** A streamed map ended after an odd number of elements. */
  ODD_MAP: 'Protocol error: streamed map ended inside a pair',
  /** Line (simple string, error, number) longer than maxLineLength. */
  LINE_TOO_LONG: 'Protocol error: line longer than maxLineLength',
  /** Blob string/error/verbatim longer than maxBulkLength. */
  BULK_TOO_LONG: 'Protocol error: blob longer than maxBulkLength',
  /** Aggregate with more elements than maxAggregateLength. */
  AGGREGATE_TOO_LONG: 'Protocol error: aggregate longer than maxAggregateLength',
  /** Aggregates nested deeper than maxDepth. */
  TOO_DEEP: 'Protocol error: nesting deeper than maxDepth',
} as const;

export type ReplyErrorMessage = (typeof REPLY_ERRORS)[keyof typeof REPLY_ERRORS];

/** `Protocol error: invalid reply type byte 0xNN`. */
export function invalidTypeMessage(byte: number): string {
  return `Protocol error: invalid reply type byte 0x${byte.toString(16).padStart(2, '0')}`;
}
