// Pre-encoded constant replies, written with ReplyWriter.raw() so the hot path formats nothing
// (performance.md technique 4). Shared Buffers: never write into them.

export const REPLIES = {
  /** `+OK`: SET, MSET, FLUSHALL... */
  OK: Buffer.from('+OK\r\n', 'latin1'),
  /** `+PONG`: PING without argument. */
  PONG: Buffer.from('+PONG\r\n', 'latin1'),
  /** `+QUEUED`: a command queued inside MULTI. */
  QUEUED: Buffer.from('+QUEUED\r\n', 'latin1'),
  /** `:0`: false / nothing done (EXISTS, DEL, SETNX...). */
  ZERO: Buffer.from(':0\r\n', 'latin1'),
  /** `:1`: true / one done. */
  ONE: Buffer.from(':1\r\n', 'latin1'),
  /** `:-1`: TTL of a key without expiry. */
  MINUS_ONE: Buffer.from(':-1\r\n', 'latin1'),
  /** `:-2`: TTL of a missing key. */
  MINUS_TWO: Buffer.from(':-2\r\n', 'latin1'),
  /** `*0`: empty array (KEYS, LRANGE of a missing key...). */
  EMPTY_ARRAY: Buffer.from('*0\r\n', 'latin1'),
  /** `$0` + CRLF: the empty bulk string. */
  EMPTY_BULK: Buffer.from('$0\r\n\r\n', 'latin1'),
  /** RESP2 null bulk `$-1` (GET of a missing key). ReplyWriter.nullBulk() picks per protocol. */
  NULL_BULK_RESP2: Buffer.from('$-1\r\n', 'latin1'),
  /** RESP2 null array `*-1` (timeouts, aborted EXEC). ReplyWriter.nullArray() picks per protocol. */
  NULL_ARRAY_RESP2: Buffer.from('*-1\r\n', 'latin1'),
  /** RESP3 null `_`. */
  NULL_RESP3: Buffer.from('_\r\n', 'latin1'),
} as const;

export type ReplyName = keyof typeof REPLIES;
