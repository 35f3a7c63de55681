// The protocol-error texts a Redis 7.0 server replies (after `-ERR `) before closing the connection,
// copied from processMultibulkBuffer/processInlineBuffer in redis src/networking.c. Constants only.

export const REQUEST_ERRORS = {
  /** Count after `*` is not a valid int64 or is above INT_MAX / maxMultibulkLength. */
  INVALID_MULTIBULK_LENGTH: 'Protocol error: invalid multibulk length',
  /** Length after `$` is not a valid int64, negative, or above proto-max-bulk-len. */
  INVALID_BULK_LENGTH: 'Protocol error: invalid bulk length',
  /** More than 64 KB (PROTO_INLINE_MAX_SIZE) of a `*` count line without its CR. */
  TOO_BIG_MBULK_COUNT: 'Protocol error: too big mbulk count string',
  /** More than 64 KB of a `$` length line without its CR. */
  TOO_BIG_BULK_COUNT: 'Protocol error: too big bulk count string',
  /** More than 64 KB of an inline command without its LF. */
  TOO_BIG_INLINE: 'Protocol error: too big inline request',
  /** An inline command with an unterminated quote, or a closing quote not followed by a space. */
  UNBALANCED_QUOTES: 'Protocol error: unbalanced quotes in request',
  /** Before AUTH: a multibulk count above 10. */
  UNAUTHENTICATED_MULTIBULK: 'Protocol error: unauthenticated multibulk length',
  /** Before AUTH: a bulk length above 16384. */
  UNAUTHENTICATED_BULK: 'Protocol error: unauthenticated bulk length',
} as const;

export type RequestErrorMessage = (typeof REQUEST_ERRORS)[keyof typeof REQUEST_ERRORS];

/**
 * `Protocol error: expected '$', got 'x'` where x is the offending byte as C's `%c` prints it (a latin1
 * char); CR and LF become spaces, as Redis' addReplyErrorFormat maps them.
 */
export function expectedDollarMessage(byte: number): string {
  const shown = byte === 0x0d || byte === 0x0a ? ' ' : String.fromCharCode(byte);
  return `Protocol error: expected '$', got '${shown}'`;
}
