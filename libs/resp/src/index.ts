// Public entry of @tessera/resp: RESP2/RESP3 request and reply decoders, the reply writer and the
// command encoder. Curated: internals stay unexported (style guide rule 17).
export { encodeCommand } from './lib/encode-command.js';
export { RespEncodeError, RespProtocolError } from './lib/errors.js';
export { formatDouble17g } from './lib/format-double-17g.js';
export { REPLIES } from './lib/replies.js';
export type { ReplyName } from './lib/replies.js';
export { ReplyWriter } from './lib/reply-writer.js';
export type { ReplyWriterOptions } from './lib/reply-writer.js';
export { DEFAULT_REQUEST_LIMITS, RequestDecoder } from './lib/request-decoder.js';
export type { RequestHandler, RequestLimits } from './lib/request-decoder.js';
export { REQUEST_ERRORS } from './lib/request-errors.js';
export type { RequestErrorMessage } from './lib/request-errors.js';
export { RESP_TYPES } from './lib/resp-types.js';
export type { RespType } from './lib/resp-types.js';
