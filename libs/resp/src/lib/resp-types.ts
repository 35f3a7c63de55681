// The RESP type bytes: the first byte of every frame, as the decoders switch on them.
// Spec: https://github.com/redis/redis-specifications/blob/master/protocol/RESP3.md
// and https://redis.io/docs/latest/develop/reference/protocol-spec/. Constants only, no logic.

export const RESP_TYPES = {
  /** `*<n>\r\n` followed by n elements; `*-1` is the RESP2 null array. RESP2 + RESP3. */
  ARRAY: 0x2a,
  /** `$<len>\r\n<bytes>\r\n`; `$-1` is the RESP2 null bulk. RESP2 + RESP3. */
  BLOB_STRING: 0x24,
  /** `+<text>\r\n`, no CR/LF inside. RESP2 + RESP3. */
  SIMPLE_STRING: 0x2b,
  /** `-<CODE> <message>\r\n`. RESP2 + RESP3. */
  SIMPLE_ERROR: 0x2d,
  /** `:<int64>\r\n`. RESP2 + RESP3. */
  INTEGER: 0x3a,
  /** `_\r\n`, the one RESP3 null. */
  NULL: 0x5f,
  /** `#t\r\n` / `#f\r\n`. RESP3. */
  BOOLEAN: 0x23,
  /** `,<float>\r\n` incl. `inf`, `-inf`, `nan`. RESP3. */
  DOUBLE: 0x2c,
  /** `(<arbitrary precision integer>\r\n`. RESP3. */
  BIG_NUMBER: 0x28,
  /** `!<len>\r\n<CODE> <message>\r\n`. RESP3. */
  BLOB_ERROR: 0x21,
  /** `=<len>\r\n<fmt>:<text>\r\n`, fmt is 3 bytes such as `txt` or `mkd`. RESP3. */
  VERBATIM_STRING: 0x3d,
  /** `%<pairs>\r\n` followed by 2 * pairs elements. RESP3. */
  MAP: 0x25,
  /** `~<n>\r\n` followed by n elements. RESP3. */
  SET: 0x7e,
  /** `><n>\r\n` out-of-band data (pub/sub messages, invalidations). RESP3. */
  PUSH: 0x3e,
  /** `|<pairs>\r\n` attribute map describing the element that follows it. RESP3. */
  ATTRIBUTE: 0x7c,
} as const;

export type RespType = (typeof RESP_TYPES)[keyof typeof RESP_TYPES];

/** Wire bytes the decoders compare against. */
export const ASCII = {
  /** Carriage return, first byte of a line terminator. */
  CR: 0x0d,
  /** Line feed, second byte of a line terminator (and the inline-command line end). */
  LF: 0x0a,
  /** String terminator in Redis' C buffers: `strchr` stops there, so Redis never finds a line end past it. */
  NUL: 0x00,
  /** `-` sign of a negative length. */
  MINUS: 0x2d,
  /** `?` marks a streamed (unknown length) RESP3 aggregate or string. */
  QUESTION: 0x3f,
  /** `;` one chunk of a streamed RESP3 string. */
  SEMICOLON: 0x3b,
  /** `.` end of a streamed RESP3 aggregate. */
  DOT: 0x2e,
  DIGIT_0: 0x30,
  DIGIT_9: 0x39,
} as const;
