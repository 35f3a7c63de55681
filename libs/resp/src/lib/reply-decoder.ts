// Streaming decoder of server replies, as a client reads them: every RESP2 and RESP3 type
// (+ - : $ * _ # , ( ! = % ~ > |) including streamed strings (`$?` + `;` chunks) and streamed aggregates
// (`*?`, `%?`, `~?` ended by `.`). Push parser: `feed()` any split of the input; each complete top-level
// reply goes to the handler synchronously. Aggregates are built on an explicit stack (depth limited), and
// only the unfinished element (a line or a blob) is carried to the next chunk. No I/O here.
import { BlobCollector } from './blob-collector.js';
import { CarriedLine } from './carried-line.js';
import { decodeText } from './decode-text.js';
import { RespProtocolError } from './errors.js';
import { parseInt64 } from './parse-int64.js';
import { INVALID_SCALAR, parseScalar } from './parse-scalar.js';
import {
  DEFAULT_REPLY_DECODER_OPTIONS,
  type ReplyDecoderOptions,
  type ReplyHandler,
} from './reply-decoder-options.js';
import { invalidTypeMessage, REPLY_ERRORS } from './reply-errors.js';
import { RespError } from './resp-error.js';
import { ASCII, RESP_TYPES } from './resp-types.js';
import { RespAttributed, RespPush, RespVerbatim, type RespValue } from './resp-values.js';
import { buildAggregate, INCOMPLETE, ReplyTree } from './reply-tree.js';

/** handleLine results besides a payload length (>= 0): element handled, or parsing must stop. */
const DONE = -1;
const STOP = -2;

// Hot-path copies of the protocol constants (module-level numbers, no property loads per byte).
const T_SIMPLE_STRING = RESP_TYPES.SIMPLE_STRING;
const T_INTEGER = RESP_TYPES.INTEGER;
const T_BLOB_STRING = RESP_TYPES.BLOB_STRING;
const T_BLOB_ERROR = RESP_TYPES.BLOB_ERROR;
const T_VERBATIM = RESP_TYPES.VERBATIM_STRING;
const T_ARRAY = RESP_TYPES.ARRAY;
const T_MAP = RESP_TYPES.MAP;
const T_SET = RESP_TYPES.SET;
const T_PUSH = RESP_TYPES.PUSH;
const T_ATTRIBUTE = RESP_TYPES.ATTRIBUTE;
const { CR, LF, MINUS, SEMICOLON, DOT, QUESTION } = ASCII;

/** 1 for every byte that may start an element (all RESP types, `;` chunks and the `.` stream end). */
const ELEMENT_TYPES = new Uint8Array(256);
for (const type of [...Object.values(RESP_TYPES), SEMICOLON, DOT]) ELEMENT_TYPES[type] = 1;

export class ReplyDecoder {
  private readonly handler: ReplyHandler;
  private readonly options: ReplyDecoderOptions;
  private readonly latin1: boolean;
  /** The reply being built. */
  private readonly tree: ReplyTree;
  private failed = false;
  /** Bumped by reset(): a feed() in progress stops when it changes under it (reset from a handler). */
  private epoch = 0;
  /** Position after the CRLF of the last line read by quickInt(). */
  private next = 0;
  /** An unfinished line carried from earlier chunks. */
  private readonly line = new CarriedLine();
  /** Type byte of the blob being read ($ ! = or ; for a streamed chunk). */
  private blobType = 0;
  /** Blob bytes collected across chunks, or the complete blob waiting for its CRLF (`tailLeft` bytes). */
  private readonly blob = new BlobCollector();
  private pendingBlob: Buffer | null = null;
  private tailLeft = 0;
  /** Input bytes of the incomplete top-level reply received in earlier chunks. */
  private replyBytes = 0;

  constructor(handler: ReplyHandler, options: Partial<ReplyDecoderOptions> = {}) {
    this.handler = handler;
    this.options = { ...DEFAULT_REPLY_DECODER_OPTIONS, ...options };
    this.latin1 = this.options.strings === 'latin1';
    this.tree = new ReplyTree(this.options.attributes === 'wrap');
  }

  /** Bytes of the incomplete top-level reply received so far. */
  get bufferedBytes(): number {
    return this.replyBytes;
  }

  /** Drops any partial reply and the error state; the rest of a chunk being fed is dropped too. */
  reset(): void {
    this.epoch++;
    this.failed = false;
    this.clear();
  }

  /** Reads `chunk` (any split of the stream); calls the handler once per complete top-level reply. */
  feed(chunk: Buffer): void {
    if (this.failed || chunk.length === 0) return;
    let pos = 0;
    if (this.line.active) pos = this.resumeLine(chunk);
    else if (this.blob.active || this.pendingBlob !== null) pos = this.resumeBlob(chunk);
    if (pos >= 0) this.parse(chunk, pos, 0);
  }

  // ---------------------------------------------------------------------------------------------------
  // Main loop.
  // ---------------------------------------------------------------------------------------------------

  /** Parses `buf` from `pos`; `replyStart` is where the current top-level reply began in `buf` (0 if earlier). */
  private parse(buf: Buffer, pos: number, replyStart: number): void {
    const end = buf.length;
    while (pos < end) {
      const tree = this.tree;
      if (tree.idle) {
        replyStart = pos;
        this.replyBytes = 0;
      }
      const type = buf[pos] as number;
      // Fast path for common frames lying whole in this chunk; anything else (or any doubt) takes the general
      // path below, which reads the same bytes again with every check.
      if (!tree.inStreamedString) {
        const after = this.quickElement(buf, pos, end, type);
        if (after === STOP) return;
        if (after > 0) {
          pos = after;
          continue;
        }
      }
      if (!this.startsElement(type)) return;
      let cr = -1;
      for (let i = pos + 1; i < end; i++) {
        if (buf[i] === CR) {
          cr = i;
          break;
        }
      }
      if ((cr < 0 ? end : cr) - pos > this.options.maxLineLength) {
        return this.fail(REPLY_ERRORS.LINE_TOO_LONG);
      }
      if (cr < 0 || cr + 1 >= end) {
        this.line.start(buf, pos, cr >= 0, false);
        this.replyBytes += end - replyStart;
        return;
      }
      if (buf[cr + 1] !== LF) return this.fail(REPLY_ERRORS.EXPECTED_CRLF);
      const epoch = this.epoch;
      const result = this.handleLine(buf, pos, cr);
      if (result === STOP || this.epoch !== epoch) return;
      pos = cr + 2;
      if (result >= 0) {
        pos = this.takeBlob(buf, pos, result);
        if (pos < 0) {
          if (!this.failed && this.epoch === epoch) this.replyBytes += end - replyStart;
          return;
        }
      }
    }
    if (!this.tree.idle) this.replyBytes += end - replyStart;
  }

  /**
   * Decodes a `+`, `:`, `$` or `*` frame that lies whole in `buf` with plain lengths. Returns the position
   * after it, 0 when the general path must handle it, or STOP (the handler reset the decoder).
   */
  private quickElement(buf: Buffer, pos: number, end: number, type: number): number {
    switch (type) {
      case T_SIMPLE_STRING: {
        let cr = pos + 1;
        while (cr < end && buf[cr] !== CR) cr++;
        if (cr + 1 >= end || buf[cr + 1] !== LF || cr - pos > this.options.maxLineLength) return 0;
        // `+OK`, the most common reply of all, skips decoding.
        const ok = cr === pos + 3 && buf[pos + 1] === 0x4f && buf[pos + 2] === 0x4b;
        const text = ok ? 'OK' : decodeText(buf, pos + 1, cr, this.latin1);
        return this.done(text) === DONE ? cr + 2 : STOP;
      }
      case T_INTEGER: {
        const n = this.quickInt(buf, pos + 1, end);
        if (n !== n) return 0;
        const after = this.next;
        return this.done(n) === DONE ? after : STOP;
      }
      case T_BLOB_STRING: {
        const length = this.quickInt(buf, pos + 1, end);
        const from = this.next;
        const to = from + length;
        if (!(length >= 0 && length <= this.options.maxBulkLength && to + 2 <= end)) return 0;
        if (buf[to] !== CR || buf[to + 1] !== LF) return 0;
        return this.done(this.blobValue(buf, from, to)) === DONE ? to + 2 : STOP;
      }
      case T_ARRAY: {
        const count = this.quickInt(buf, pos + 1, end);
        if (!(
          count > 0 &&
          count <= this.options.maxAggregateLength &&
          this.tree.depth < this.options.maxDepth
        )) {
          return 0;
        }
        this.open(T_ARRAY, count);
        return this.next;
      }
      default:
        return 0;
    }
  }

  /**
   * `[-]<digits>\r\n` at `from` with at most 15 digits and no leading zero: its value, with `this.next` set
   * after the LF; NaN when the line is anything else (the general path then decides).
   */
  private quickInt(buf: Buffer, from: number, end: number): number {
    let i = from;
    const negative = buf[i] === MINUS;
    if (negative) i++;
    const first = i;
    let n = 0;
    for (; i < end; i++) {
      const digit = (buf[i] as number) - 0x30;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    const digits = i - first;
    if (digits === 0 || digits > 15 || i + 1 >= end || buf[i] !== CR || buf[i + 1] !== LF) return NaN;
    if (buf[first] === 0x30 && (digits > 1 || negative)) return NaN;
    this.next = i + 2;
    return negative ? -n : n;
  }

  /**
   * Checks the first byte of an element as soon as it arrives (so garbage fails at once instead of after a
   * line's worth of bytes): a known type, and only `;` chunks inside a streamed string.
   */
  private startsElement(type: number): boolean {
    if (this.tree.inStreamedString) {
      if (type === SEMICOLON) return true;
      this.fail(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
      return false;
    }
    if (ELEMENT_TYPES[type] === 1) return true;
    this.fail(invalidTypeMessage(type));
    return false;
  }

  // ---------------------------------------------------------------------------------------------------
  // Lines.
  // ---------------------------------------------------------------------------------------------------

  /**
   * Handles the complete line `buf[start, cr)` (type byte at start). Returns DONE, STOP (error or reset),
   * or the length of the blob that follows.
   */
  private handleLine(buf: Buffer, start: number, cr: number): number {
    const type = buf[start] as number;
    const from = start + 1;
    switch (type) {
      case T_BLOB_STRING:
      case T_BLOB_ERROR:
      case T_VERBATIM:
        return this.blobHeader(type, buf, from, cr);
      case SEMICOLON:
        return this.streamedChunk(buf, from, cr);
      case T_ARRAY:
      case T_MAP:
      case T_SET:
      case T_PUSH:
      case T_ATTRIBUTE:
        return this.aggregateHeader(type, buf, from, cr);
      case DOT:
        return this.streamEnd(cr === from);
      default: {
        const value = parseScalar(type, buf, from, cr, this.latin1);
        if (value === undefined) return this.stop(INVALID_SCALAR[type] ?? invalidTypeMessage(type));
        return this.done(value);
      }
    }
  }

  private blobHeader(type: number, buf: Buffer, from: number, cr: number): number {
    if (type === T_BLOB_STRING && cr === from + 1 && buf[from] === QUESTION) {
      return this.open(T_BLOB_STRING, -1); // `$?`: a streamed string
    }
    const length = parseInt64(buf, from, cr);
    if (length === -1 && type === T_BLOB_STRING) return this.done(null); // RESP2 null bulk
    if (!(length >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (length > this.options.maxBulkLength) return this.stop(REPLY_ERRORS.BULK_TOO_LONG);
    this.blobType = type;
    return length;
  }

  /** `;<len>` inside a streamed string: a chunk, or the end when len is 0. */
  private streamedChunk(buf: Buffer, from: number, cr: number): number {
    if (!this.tree.inStreamedString) return this.stop(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
    const length = parseInt64(buf, from, cr);
    if (!(length >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (length > this.options.maxBulkLength) return this.stop(REPLY_ERRORS.BULK_TOO_LONG);
    if (length > 0) {
      this.blobType = SEMICOLON;
      return length;
    }
    const whole = this.tree.closeStreamedString();
    return this.done(this.blobValue(whole, 0, whole.length));
  }

  private aggregateHeader(type: number, buf: Buffer, from: number, cr: number): number {
    const streamable = type === T_ARRAY || type === T_MAP || type === T_SET;
    if (streamable && cr === from + 1 && buf[from] === QUESTION) return this.open(type, -1);
    const count = parseInt64(buf, from, cr);
    if (count === -1 && type === T_ARRAY) return this.done(null); // RESP2 null array
    if (!(count >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (count > this.options.maxAggregateLength) return this.stop(REPLY_ERRORS.AGGREGATE_TOO_LONG);
    const elements = type === T_MAP || type === T_ATTRIBUTE ? count * 2 : count;
    if (elements > 0) return this.open(type, elements);
    return type === T_ATTRIBUTE ? DONE : this.done(buildAggregate(type, [])); // `|0` describes nothing
  }

  /** `.`: the end of the innermost streamed aggregate. */
  private streamEnd(emptyLine: boolean): number {
    const problem = emptyLine ? this.tree.streamEndProblem() : 'not streamed';
    if (problem === 'not streamed') return this.stop(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
    if (problem === 'odd map') return this.stop(REPLY_ERRORS.ODD_MAP);
    return this.done(this.tree.closeStreamed());
  }

  /** Continues the carried line with the head of `chunk`. Returns the position after it, or -1. */
  private resumeLine(chunk: Buffer): number {
    const line = this.line;
    let cr: number; // index of CR in the assembled line
    let used: number; // bytes of chunk that belong to the line (through its LF)
    if (line.endsWithCr) {
      cr = line.length - 1;
      used = 1;
    } else {
      const found = chunk.indexOf(CR);
      if ((found >= 0 ? line.length + found : line.length + chunk.length) > this.options.maxLineLength) {
        this.fail(REPLY_ERRORS.LINE_TOO_LONG);
        return -1;
      }
      if (found < 0 || found + 1 >= chunk.length) {
        line.append(chunk, 0, chunk.length);
        line.endsWithCr = found >= 0;
        this.replyBytes += chunk.length;
        return -1;
      }
      cr = line.length + found;
      used = found + 2;
    }
    line.append(chunk, 0, used);
    line.active = false;
    if (line.bytes[cr + 1] !== LF) {
      this.fail(REPLY_ERRORS.EXPECTED_CRLF);
      return -1;
    }
    const epoch = this.epoch;
    const result = this.handleLine(line.bytes, 0, cr);
    if (result === STOP || this.epoch !== epoch) return -1;
    if (result === DONE) return used;
    const after = this.takeBlob(chunk, used, result);
    if (after < 0 && !this.failed && this.epoch === epoch) this.replyBytes += chunk.length;
    return after;
  }

  // ---------------------------------------------------------------------------------------------------
  // Blobs ($ ! = and streamed chunks): `length` bytes then CRLF, possibly across chunks.
  // ---------------------------------------------------------------------------------------------------

  /** Reads the blob of `length` bytes + CRLF at `pos`. Returns the position after it, or -1 if not all here. */
  private takeBlob(buf: Buffer, pos: number, length: number): number {
    const end = buf.length;
    if (end - pos >= length + 2) {
      if (buf[pos + length] !== CR || buf[pos + length + 1] !== LF) {
        this.fail(REPLY_ERRORS.EXPECTED_CRLF);
        return -1;
      }
      return this.blobDone(buf, pos, pos + length) ? pos + length + 2 : -1;
    }
    if (end - pos >= length) {
      this.pendingBlob = buf.subarray(pos, pos + length); // bytes here, CRLF to come: keep the view
      return this.checkTail(buf, pos + length, 2);
    }
    this.blob.start(length, buf, pos, end);
    this.tailLeft = 2;
    return -1;
  }

  /** Continues a carried blob with the head of `chunk`. Returns the position after it, or -1. */
  private resumeBlob(chunk: Buffer): number {
    let pos = 0;
    if (this.blob.active) {
      pos = this.blob.add(chunk, 0);
      if (!this.blob.complete) {
        this.replyBytes += chunk.length;
        return -1;
      }
      this.pendingBlob = this.blob.take();
    }
    const after = this.checkTail(chunk, pos, this.tailLeft);
    if (after < 0 && !this.failed && this.tailLeft > 0) this.replyBytes += chunk.length;
    return after;
  }

  /** Checks the next `left` CRLF bytes present in `buf` at `pos`; completes the pending blob after them. */
  private checkTail(buf: Buffer, pos: number, left: number): number {
    for (; left > 0 && pos < buf.length; pos++, left--) {
      if (buf[pos] !== (left === 2 ? CR : LF)) {
        this.fail(REPLY_ERRORS.EXPECTED_CRLF);
        return -1;
      }
    }
    this.tailLeft = left;
    if (left > 0) return -1;
    const blob = this.pendingBlob as Buffer;
    this.pendingBlob = null;
    return this.blobDone(blob, 0, blob.length) ? pos : -1;
  }

  /** Turns the blob `buf[start, end)` into its value. Returns false when parsing must stop. */
  private blobDone(buf: Buffer, start: number, end: number): boolean {
    switch (this.blobType) {
      case SEMICOLON:
        this.tree.addChunk(buf.subarray(start, end));
        return true;
      case T_BLOB_ERROR:
        return this.done(new RespError(decodeText(buf, start, end, this.latin1))) === DONE;
      case T_VERBATIM: {
        if (end - start < 4 || buf[start + 3] !== 0x3a) {
          return this.stop(REPLY_ERRORS.INVALID_VERBATIM) === DONE; // `fmt:` missing
        }
        const format = buf.toString('latin1', start, start + 3);
        return this.done(new RespVerbatim(format, this.blobValue(buf, start + 4, end))) === DONE;
      }
      default:
        return this.done(this.blobValue(buf, start, end)) === DONE;
    }
  }

  private blobValue(buf: Buffer, start: number, end: number): string | Buffer {
    return this.options.strings === 'buffer'
      ? buf.subarray(start, end)
      : decodeText(buf, start, end, this.latin1);
  }

  // ---------------------------------------------------------------------------------------------------
  // Values, frames and errors.
  // ---------------------------------------------------------------------------------------------------

  /** Adds a finished value to the reply being built; emits the reply it completes. DONE, or STOP on reset. */
  private done(value: RespValue): number {
    const reply = this.tree.add(value);
    return reply === INCOMPLETE ? DONE : this.emit(reply);
  }

  /** Hands a finished top-level reply to the handler. Returns DONE, or STOP when the handler reset us. */
  private emit(reply: RespValue): number {
    this.replyBytes = 0;
    const epoch = this.epoch;
    const handler = this.handler;
    const push = handler.push === undefined || typeof reply !== 'object' ? null : unwrapPush(reply);
    if (push === null) handler.reply(reply);
    else handler.push?.(push, attributesOf(reply));
    return this.epoch === epoch ? DONE : STOP;
  }

  private open(type: number, remaining: number): number {
    if (this.tree.depth >= this.options.maxDepth) return this.stop(REPLY_ERRORS.TOO_DEEP);
    this.tree.open(type, remaining);
    return DONE;
  }

  private stop(message: string): number {
    this.fail(message);
    return STOP;
  }

  private fail(message: string): void {
    this.clear();
    this.failed = true;
    this.handler.protocolError(new RespProtocolError(message));
  }

  private clear(): void {
    this.tree.clear();
    this.line.clear();
    this.blob.clear();
    this.pendingBlob = null;
    this.tailLeft = 0;
    this.replyBytes = 0;
  }
}

/** The push inside `reply` (under any attributes), or null. */
function unwrapPush(reply: RespValue): RespPush | null {
  while (reply instanceof RespAttributed) reply = reply.value;
  return reply instanceof RespPush ? reply : null;
}

/** The attributes around a reply, merged (undefined if none): what the push handler receives. */
function attributesOf(reply: RespValue): Map<RespValue, RespValue> | undefined {
  if (!(reply instanceof RespAttributed)) return undefined;
  const merged = new Map<RespValue, RespValue>();
  for (let v: RespValue = reply; v instanceof RespAttributed; v = v.value)
    for (const [k, x] of v.attributes) merged.set(k, x);
  return merged;
}
