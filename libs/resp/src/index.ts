// Public entry of @tessera/resp: RESP2/RESP3 request and reply decoders, the reply writer and the
// command encoder. Curated: internals stay unexported (style guide rule 17).
export { encodeCommand } from './lib/encode-command.js';
export { RespEncodeError, RespProtocolError } from './lib/errors.js';
export { formatDouble17g } from './lib/format-double-17g.js';
export { parseInt64 } from './lib/parse-int64.js';
export { REPLIES } from './lib/replies.js';
export type { ReplyName } from './lib/replies.js';
export { ReplyDecoder } from './lib/reply-decoder.js';
export { DEFAULT_REPLY_DECODER_OPTIONS } from './lib/reply-decoder-options.js';
export type { ReplyDecoderOptions, ReplyHandler } from './lib/reply-decoder-options.js';
export { REPLY_ERRORS } from './lib/reply-errors.js';
export type { ReplyErrorMessage } from './lib/reply-errors.js';
export { ReplyWriter } from './lib/reply-writer.js';
export type { ReplyWriterOptions } from './lib/reply-writer.js';
export { RequestDecoder } from './lib/request-decoder.js';
export { DEFAULT_REQUEST_LIMITS } from './lib/request-limits.js';
export type { RequestHandler } from './lib/request-decoder.js';
export type { RequestLimits } from './lib/request-limits.js';
export { REQUEST_ERRORS } from './lib/request-errors.js';
export type { RequestErrorMessage } from './lib/request-errors.js';
export { RespError } from './lib/resp-error.js';
export { ASCII, RESP_TYPES } from './lib/resp-types.js';
export type { RespType } from './lib/resp-types.js';
export { RespAttributed, RespPush, RespVerbatim } from './lib/resp-values.js';
export type { RespValue } from './lib/resp-values.js';
