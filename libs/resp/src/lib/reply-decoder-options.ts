// The handler and options of ReplyDecoder, with their defaults. Types and constants only.
import type { RespProtocolError } from './errors.js';
import type { RespPush, RespValue } from './resp-values.js';

/** Receives what a ReplyDecoder reads. */
export interface ReplyHandler {
  /** One complete top-level reply (a RespError value for error replies). */
  reply(value: RespValue): void;
  /** Malformed input: the decoder drops its state and ignores further input until reset(). */
  protocolError(error: RespProtocolError): void;
  /**
   * Top-level RESP3 pushes (pub/sub, invalidations), with the attributes that preceded them if any.
   * Without this handler they go to reply().
   */
  push?(value: RespPush, attributes?: Map<RespValue, RespValue>): void;
}

export interface ReplyDecoderOptions {
  /**
   * Blob strings, verbatim text and streamed strings as Buffers (views of the input chunk when they lie in
   * one), or decoded strings. Simple strings and errors are always strings (latin1 in 'latin1' mode, else
   * UTF-8). @default 'utf8'
   */
  strings: 'buffer' | 'utf8' | 'latin1';
  /** Deepest nesting of aggregates (arrays, maps, sets, pushes, attributes). @default 128 */
  maxDepth: number;
  /** Longest blob string, blob error, verbatim string or streamed chunk. @default 536870912 */
  maxBulkLength: number;
  /** Most elements in one aggregate (pairs for maps); nothing is pre-allocated. @default 4294967295 */
  maxAggregateLength: number;
  /** Longest line (type byte to CR) of a simple string, error, number or header. @default 1048576 */
  maxLineLength: number;
  /**
   * RESP3 attributes (`|`): 'wrap' returns the value that follows as a RespAttributed, 'drop' discards
   * them. @default 'wrap'
   */
  attributes: 'wrap' | 'drop';
}

export const DEFAULT_REPLY_DECODER_OPTIONS: Readonly<ReplyDecoderOptions> = Object.freeze({
  strings: 'utf8',
  maxDepth: 128,
  maxBulkLength: 536_870_912,
  maxAggregateLength: 4_294_967_295,
  maxLineLength: 1_048_576,
  attributes: 'wrap',
});
