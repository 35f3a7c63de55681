// Streaming decoder of server replies, as a client reads them: every RESP2 and RESP3 type
// (+ - : $ * _ # , ( ! = % ~ > |) including streamed strings (`$?` + `;` chunks) and streamed aggregates
// (`*?`, `%?`, `~?` ended by `.`). Push parser: `feed()` any split of the input; each complete top-level
// reply goes to the handler synchronously. Aggregates are built on an explicit stack (depth limited), and
// only the unfinished element (a line or a blob) is carried to the next chunk. No I/O here.
import { RespProtocolError } from './errors.js';
import { parseDouble } from './parse-double.js';
import { parseInt64 } from './parse-int64.js';
import { invalidTypeMessage, REPLY_ERRORS } from './reply-errors.js';
import { RespError } from './resp-error.js';
import { ASCII, RESP_TYPES } from './resp-types.js';
import { RespAttributed, RespPush, RespVerbatim, type RespValue } from './resp-values.js';

/** Receives what the decoder reads. */
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

/** Node's native slicers (Buffer.prototype.utf8Slice/latin1Slice, not in @types/node): no argument checks. */
interface NativeSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** An aggregate (or streamed string) being built. */
interface Frame {
  /** RESP type byte: ARRAY, MAP, SET, PUSH, ATTRIBUTE, or BLOB_STRING for a streamed string. */
  readonly type: number;
  /** Elements still expected; -1 for a streamed aggregate (ends at `.`). */
  remaining: number;
  readonly items: RespValue[];
  /** Attributes read in this container, waiting for the element they describe (outermost first). */
  attributes: Map<RespValue, RespValue>[] | null;
}

/** handleLine results besides a payload length (>= 0). */
const DONE = -1;
const STOP = -2;

const NO_LINE_END = -1;
/** Texts up to this many bytes are decoded with a JS loop (V8 makes strings under 13 chars flat). */
const SHORT_TEXT = 12;

// Hot-path copies of the protocol constants (module-level numbers, no property loads per byte).
const T_SIMPLE_STRING = RESP_TYPES.SIMPLE_STRING;
const T_INTEGER = RESP_TYPES.INTEGER;
const T_BLOB_STRING = RESP_TYPES.BLOB_STRING;
const T_ARRAY = RESP_TYPES.ARRAY;
const T_MAP = RESP_TYPES.MAP;
const T_ATTRIBUTE = RESP_TYPES.ATTRIBUTE;
const CR = ASCII.CR;
const LF = ASCII.LF;
const MINUS = ASCII.MINUS;
const SEMICOLON = ASCII.SEMICOLON;

/** 1 for every byte that may start an element (all RESP types, `;` chunks and the `.` stream end). */
const ELEMENT_TYPES = new Uint8Array(256);
for (const type of [...Object.values(RESP_TYPES), ASCII.SEMICOLON, ASCII.DOT]) ELEMENT_TYPES[type] = 1;

export class ReplyDecoder {
  private readonly handler: ReplyHandler;
  private readonly options: ReplyDecoderOptions;
  private readonly stack: Frame[] = [];
  /** Innermost open frame (the stack's last), kept in a field for the hot path. */
  private top: Frame | null = null;
  /** Position after the CRLF of the last line read by quickInt(). */
  private next = 0;
  /** Attributes read at the top level, waiting for their reply (outermost first). */
  private rootAttributes: Map<RespValue, RespValue>[] | null = null;
  private failed = false;
  private epoch = 0;

  /** Carried unfinished line (scratch buffer, reused). */
  private line: Buffer = Buffer.allocUnsafe(0);
  private lineLength = 0;
  private lineCarried = false;
  private lineHasCr = false;

  /** Carried unfinished payload: its type byte, declared length, bytes so far, CRLF bytes still to check. */
  private payloadType = 0;
  private payloadLength = 0;
  private payload: Buffer | null = null;
  private payloadHave = 0;
  private tailLeft = 0;
  /** Carried blob whose bytes are complete but whose CRLF is not (kept as a zero-copy view). */
  private payloadDone = false;

  /** Input bytes of the incomplete top-level reply received in earlier chunks. */
  private replyBytes = 0;

  constructor(handler: ReplyHandler, options: Partial<ReplyDecoderOptions> = {}) {
    this.handler = handler;
    this.options = { ...DEFAULT_REPLY_DECODER_OPTIONS, ...options };
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
    if (this.lineCarried) pos = this.resumeLine(chunk);
    else if (this.tailLeft > 0 || this.payload !== null) pos = this.resumePayload(chunk, 0);
    if (pos < 0) return;
    this.parse(chunk, pos, 0);
  }

  // ---------------------------------------------------------------------------------------------------
  // Main loop.
  // ---------------------------------------------------------------------------------------------------

  private parse(buf: Buffer, pos: number, replyStart: number): void {
    const end = buf.length;
    const maxLine = this.options.maxLineLength;
    while (pos < end) {
      const top = this.top;
      if (top === null && this.rootAttributes === null) {
        replyStart = pos;
        this.replyBytes = 0;
      }
      const type = buf[pos] as number;
      // Fast paths for the common frames lying whole in this chunk; anything else (or any doubt) takes the
      // general path below, which reads the same bytes again with every check.
      if (top === null || top.type !== T_BLOB_STRING) {
        const after = this.quickElement(buf, pos, end, type);
        if (after > 0) {
          pos = after;
          continue;
        }
        if (after === STOP) return;
      }
      if (!this.startsElement(type)) return;
      let cr = NO_LINE_END;
      for (let i = pos + 1; i < end; i++) {
        if (buf[i] === CR) {
          cr = i;
          break;
        }
      }
      if ((cr < 0 ? end : cr) - pos > maxLine) return this.fail(REPLY_ERRORS.LINE_TOO_LONG);
      if (cr < 0 || cr + 1 >= end) {
        this.carryLine(buf, pos);
        this.replyBytes += end - replyStart;
        return;
      }
      if (buf[cr + 1] !== LF) return this.fail(REPLY_ERRORS.EXPECTED_CRLF);
      const epoch = this.epoch;
      const result = this.handleLine(buf, pos, cr);
      if (result === STOP || this.epoch !== epoch) return;
      pos = cr + 2;
      if (result >= 0) {
        pos = this.takePayload(buf, pos, result);
        if (pos < 0) {
          if (!this.failed && this.epoch === epoch) this.replyBytes += end - replyStart;
          return;
        }
      }
    }
    if (this.top !== null || this.rootAttributes !== null) this.replyBytes += end - replyStart;
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
        return this.done(this.text(buf, pos + 1, cr)) === DONE ? cr + 2 : STOP;
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
        return this.done(this.blob(buf, from, to)) === DONE ? to + 2 : STOP;
      }
      case T_ARRAY: {
        const count = this.quickInt(buf, pos + 1, end);
        if (!(
          count > 0 &&
          count <= this.options.maxAggregateLength &&
          this.stack.length < this.options.maxDepth
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
    const top = this.top;
    if (top !== null && top.type === T_BLOB_STRING) {
      if (type === SEMICOLON) return true;
      this.fail(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
      return false;
    }
    if (ELEMENT_TYPES[type] === 1) return true;
    this.fail(invalidTypeMessage(type));
    return false;
  }

  /**
   * Handles the complete line `buf[start, cr)` (type byte at start). Returns DONE, STOP (error or reset),
   * or the payload length that follows for blob types.
   */
  private handleLine(buf: Buffer, start: number, cr: number): number {
    const type = buf[start] as number;
    const from = start + 1;
    switch (type) {
      case RESP_TYPES.SIMPLE_STRING:
        return this.done(this.text(buf, from, cr));
      case RESP_TYPES.SIMPLE_ERROR:
        return this.done(new RespError(this.text(buf, from, cr)));
      case RESP_TYPES.INTEGER: {
        const n = parseInt64(buf, from, cr);
        if (n !== n) return this.stop(REPLY_ERRORS.INVALID_INTEGER);
        return this.done(Number.isSafeInteger(n) ? n : BigInt(buf.toString('latin1', from, cr)));
      }
      case RESP_TYPES.BLOB_STRING:
      case RESP_TYPES.BLOB_ERROR:
      case RESP_TYPES.VERBATIM_STRING:
        return this.blobHeader(type, buf, from, cr);
      case ASCII.SEMICOLON:
        return this.streamedChunk(buf, from, cr);
      case RESP_TYPES.ARRAY:
      case RESP_TYPES.MAP:
      case RESP_TYPES.SET:
      case RESP_TYPES.PUSH:
      case RESP_TYPES.ATTRIBUTE:
        return this.aggregateHeader(type, buf, from, cr);
      case RESP_TYPES.NULL:
        return cr === from ? this.done(null) : this.stop(REPLY_ERRORS.INVALID_NULL);
      case RESP_TYPES.BOOLEAN: {
        const b = buf[from];
        if (cr !== from + 1 || (b !== 0x74 && b !== 0x66)) return this.stop(REPLY_ERRORS.INVALID_BOOLEAN);
        return this.done(b === 0x74);
      }
      case RESP_TYPES.DOUBLE: {
        const d = parseDouble(buf, from, cr);
        return d === null ? this.stop(REPLY_ERRORS.INVALID_DOUBLE) : this.done(d);
      }
      case RESP_TYPES.BIG_NUMBER: {
        const digits = buf.toString('latin1', from, cr);
        if (!/^[+-]?[0-9]+$/.test(digits)) return this.stop(REPLY_ERRORS.INVALID_BIG_NUMBER);
        return this.done(BigInt(digits));
      }
      case ASCII.DOT:
        return this.streamEnd(cr === from);
      default:
        return this.stop(invalidTypeMessage(type));
    }
  }

  private blobHeader(type: number, buf: Buffer, from: number, cr: number): number {
    if (type === RESP_TYPES.BLOB_STRING && cr === from + 1 && buf[from] === ASCII.QUESTION) {
      return this.open(RESP_TYPES.BLOB_STRING, -1);
    }
    const length = parseInt64(buf, from, cr);
    if (length === -1 && type === RESP_TYPES.BLOB_STRING) return this.done(null); // RESP2 null bulk
    if (!(length >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (length > this.options.maxBulkLength) return this.stop(REPLY_ERRORS.BULK_TOO_LONG);
    this.payloadType = type;
    return length;
  }

  /** `;<len>` inside a streamed string: a chunk, or the end when len is 0. */
  private streamedChunk(buf: Buffer, from: number, cr: number): number {
    const top = this.top;
    if (top === null || top.type !== T_BLOB_STRING) return this.stop(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
    const length = parseInt64(buf, from, cr);
    if (!(length >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (length > this.options.maxBulkLength) return this.stop(REPLY_ERRORS.BULK_TOO_LONG);
    if (length > 0) {
      this.payloadType = ASCII.SEMICOLON;
      return length;
    }
    this.popFrame();
    const whole = Buffer.concat(top.items as Buffer[]);
    return this.done(this.options.strings === 'buffer' ? whole : this.text(whole, 0, whole.length));
  }

  private aggregateHeader(type: number, buf: Buffer, from: number, cr: number): number {
    const streamable = type === RESP_TYPES.ARRAY || type === RESP_TYPES.MAP || type === RESP_TYPES.SET;
    if (streamable && cr === from + 1 && buf[from] === ASCII.QUESTION) return this.open(type, -1);
    const count = parseInt64(buf, from, cr);
    if (count === -1 && type === RESP_TYPES.ARRAY) return this.done(null); // RESP2 null array
    if (!(count >= 0)) return this.stop(REPLY_ERRORS.INVALID_LENGTH);
    if (count > this.options.maxAggregateLength) return this.stop(REPLY_ERRORS.AGGREGATE_TOO_LONG);
    const elements = type === RESP_TYPES.MAP || type === RESP_TYPES.ATTRIBUTE ? count * 2 : count;
    if (elements === 0) {
      if (type === RESP_TYPES.ATTRIBUTE) return DONE; // an empty attribute describes nothing
      return this.done(this.build(type, []));
    }
    return this.open(type, elements);
  }

  /** `.`: the end of the innermost streamed aggregate. */
  private streamEnd(emptyLine: boolean): number {
    const top = this.top;
    if (!emptyLine || top === null || top.remaining !== -1 || top.type === T_BLOB_STRING) {
      return this.stop(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
    }
    if (top.attributes !== null) return this.stop(REPLY_ERRORS.UNEXPECTED_STREAM_PART);
    if (top.type === T_MAP && top.items.length % 2 !== 0) return this.stop(REPLY_ERRORS.ODD_MAP);
    this.popFrame();
    return this.done(this.build(top.type, top.items));
  }

  private open(type: number, remaining: number): number {
    if (this.stack.length >= this.options.maxDepth) return this.stop(REPLY_ERRORS.TOO_DEEP);
    const frame: Frame = { type, remaining, items: [], attributes: null };
    this.stack.push(frame);
    this.top = frame;
    return DONE;
  }

  private popFrame(): void {
    this.stack.pop();
    this.top = this.stack.length === 0 ? null : (this.stack[this.stack.length - 1] as Frame);
  }

  // ---------------------------------------------------------------------------------------------------
  // Payloads of blob types.
  // ---------------------------------------------------------------------------------------------------

  /** Reads a payload of `length` bytes plus CRLF at `pos`. Returns the position after it, or -1 if not all here. */
  private takePayload(buf: Buffer, pos: number, length: number): number {
    const available = buf.length - pos;
    if (available >= length + 2) {
      if (buf[pos + length] !== ASCII.CR || buf[pos + length + 1] !== ASCII.LF) {
        this.fail(REPLY_ERRORS.EXPECTED_CRLF);
        return -1;
      }
      return this.payloadValue(buf, pos, pos + length) ? pos + length + 2 : -1;
    }
    this.payloadLength = length;
    if (available >= length) {
      // Bytes complete, CRLF not: keep a view and check the CRLF bytes as they come.
      this.payload = buf.subarray(pos, pos + length);
      this.payloadHave = length;
      this.payloadDone = true;
      return this.checkTail(buf, pos + length, 2);
    }
    this.payload = Buffer.allocUnsafe(Math.min(length, Math.max(available * 2, 65_536)));
    buf.copy(this.payload, 0, pos);
    this.payloadHave = available;
    this.payloadDone = false;
    this.tailLeft = 2;
    return -1;
  }

  /** Continues a carried payload with the head of `chunk`. Returns the position after it, or -1. */
  private resumePayload(chunk: Buffer, pos: number): number {
    if (!this.payloadDone) {
      const length = this.payloadLength;
      const payload = this.payload as Buffer;
      const take = Math.min(length - this.payloadHave, chunk.length - pos);
      const needed = this.payloadHave + take;
      let target = payload;
      if (needed > payload.length) {
        target = Buffer.allocUnsafe(Math.min(length, Math.max(needed, payload.length * 2)));
        payload.copy(target, 0, 0, this.payloadHave);
      }
      chunk.copy(target, this.payloadHave, pos, pos + take);
      this.payload = target;
      this.payloadHave = needed;
      pos += take;
      if (needed < length) {
        this.replyBytes += chunk.length;
        return -1;
      }
      this.payloadDone = true;
      this.payload = target.length === length ? target : target.subarray(0, length);
    }
    const after = this.checkTail(chunk, pos, this.tailLeft);
    if (after < 0 && !this.failed && this.tailLeft > 0) this.replyBytes += chunk.length;
    return after;
  }

  /**
   * Checks the next `left` CRLF bytes (those present in `buf` from `pos`); completes the carried payload
   * when they are all there. Returns the position after the CRLF, or -1 (incomplete, error or reset).
   */
  private checkTail(buf: Buffer, pos: number, left: number): number {
    while (left > 0 && pos < buf.length) {
      const expected = left === 2 ? ASCII.CR : ASCII.LF;
      if (buf[pos] !== expected) {
        this.fail(REPLY_ERRORS.EXPECTED_CRLF);
        return -1;
      }
      pos++;
      left--;
    }
    this.tailLeft = left;
    if (left > 0) return -1;
    const payload = this.payload as Buffer;
    this.payload = null;
    this.payloadDone = false;
    this.payloadHave = 0;
    return this.payloadValue(payload, 0, payload.length) ? pos : -1;
  }

  /** Turns the payload `buf[start, end)` into its value. Returns false when parsing must stop. */
  private payloadValue(buf: Buffer, start: number, end: number): boolean {
    const type = this.payloadType;
    if (type === ASCII.SEMICOLON) {
      (this.top as Frame).items.push(buf.subarray(start, end));
      return true;
    }
    if (type === RESP_TYPES.BLOB_ERROR) {
      return this.done(new RespError(this.text(buf, start, end))) === DONE;
    }
    if (type === RESP_TYPES.VERBATIM_STRING) {
      if (end - start < 4 || buf[start + 3] !== 0x3a)
        return this.stop(REPLY_ERRORS.INVALID_VERBATIM) === DONE;
      const format = buf.toString('latin1', start, start + 3);
      return this.done(new RespVerbatim(format, this.blob(buf, start + 4, end))) === DONE;
    }
    return this.done(this.blob(buf, start, end)) === DONE;
  }

  // ---------------------------------------------------------------------------------------------------
  // Values and frames.
  // ---------------------------------------------------------------------------------------------------

  /**
   * Adds a finished value to the innermost aggregate, closing every aggregate it completes, and emits
   * finished top-level replies. Returns DONE, or STOP when the handler reset the decoder.
   */
  private done(value: RespValue): number {
    let frame = this.top;
    while (frame !== null) {
      if (frame.attributes !== null) {
        value = attributed(frame.attributes, value);
        frame.attributes = null;
      }
      frame.items.push(value);
      if (frame.remaining < 0 || --frame.remaining > 0) return DONE;
      this.popFrame();
      if (frame.type === T_ATTRIBUTE) {
        this.attachAttribute(this.build(frame.type, frame.items) as Map<RespValue, RespValue>);
        return DONE;
      }
      value = this.build(frame.type, frame.items);
      frame = this.top;
    }
    return this.emit(value);
  }

  /** Hands a finished top-level reply to the handler. Returns DONE, or STOP when the handler reset us. */
  private emit(value: RespValue): number {
    let attributes: Map<RespValue, RespValue> | undefined;
    if (this.rootAttributes !== null) {
      value = attributed(this.rootAttributes, value);
      attributes = new Map(this.rootAttributes.flatMap((map) => [...map]));
      this.rootAttributes = null;
    }
    this.replyBytes = 0;
    const epoch = this.epoch;
    const handler = this.handler;
    if (handler.push !== undefined && typeof value === 'object' && value !== null && isPush(value)) {
      handler.push(
        value instanceof RespAttributed ? (value.value as RespPush) : (value as RespPush),
        attributes,
      );
    } else {
      handler.reply(value);
    }
    return this.epoch === epoch ? DONE : STOP;
  }

  /** Keeps a finished attribute map for the next value of its container (or drops it). */
  private attachAttribute(map: Map<RespValue, RespValue>): void {
    if (this.options.attributes === 'drop') return;
    const container = this.top;
    if (container === null) (this.rootAttributes ??= []).push(map);
    else (container.attributes ??= []).push(map);
  }

  private build(type: number, items: RespValue[]): RespValue {
    switch (type) {
      case RESP_TYPES.MAP:
      case RESP_TYPES.ATTRIBUTE: {
        const map = new Map<RespValue, RespValue>();
        for (let i = 0; i < items.length; i += 2) map.set(items[i] as RespValue, items[i + 1] as RespValue);
        return map;
      }
      case RESP_TYPES.SET:
        return new Set(items);
      case RESP_TYPES.PUSH:
        return new RespPush(items);
      default:
        return items;
    }
  }

  private text(buf: Buffer, start: number, end: number): string {
    const latin1 = this.options.strings === 'latin1';
    if (end - start <= SHORT_TEXT) {
      // Short status texts ("OK", "QUEUED"...): a char loop beats the native call, and V8 keeps strings this
      // short flat. Non-ASCII bytes fall through to the native UTF-8 decoder.
      let text = '';
      let i = start;
      for (; i < end; i++) {
        const byte = buf[i] as number;
        if (byte >= 0x80 && !latin1) break;
        text += String.fromCharCode(byte);
      }
      if (i === end) return text;
    }
    const native = buf as unknown as NativeSlices;
    return latin1 ? native.latin1Slice(start, end) : native.utf8Slice(start, end);
  }

  private blob(buf: Buffer, start: number, end: number): string | Buffer {
    return this.options.strings === 'buffer' ? buf.subarray(start, end) : this.text(buf, start, end);
  }

  // ---------------------------------------------------------------------------------------------------
  // Lines that straddle chunks.
  // ---------------------------------------------------------------------------------------------------

  private carryLine(buf: Buffer, start: number): void {
    this.lineCarried = true;
    this.lineLength = 0;
    this.lineHasCr = buf[buf.length - 1] === ASCII.CR;
    this.appendLine(buf, start, buf.length);
  }

  private appendLine(buf: Buffer, from: number, to: number): void {
    const needed = this.lineLength + to - from;
    if (needed > this.line.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.line.length * 2, 64));
      this.line.copy(grown, 0, 0, this.lineLength);
      this.line = grown;
    }
    buf.copy(this.line, this.lineLength, from, to);
    this.lineLength = needed;
  }

  /** Completes the carried line with the head of `chunk`. Returns the position after it, or -1. */
  private resumeLine(chunk: Buffer): number {
    let cr: number; // index of CR in the assembled line
    let used: number; // bytes of chunk that belong to the line (through its LF)
    if (this.lineHasCr) {
      cr = this.lineLength - 1;
      used = 1;
    } else {
      const found = chunk.indexOf(ASCII.CR);
      const lineSoFar = this.lineLength + (found >= 0 ? found : chunk.length);
      if (lineSoFar > this.options.maxLineLength) {
        this.fail(REPLY_ERRORS.LINE_TOO_LONG);
        return -1;
      }
      if (found < 0 || found + 1 >= chunk.length) {
        this.appendLine(chunk, 0, chunk.length);
        this.lineHasCr = found >= 0;
        this.replyBytes += chunk.length;
        return -1;
      }
      cr = this.lineLength + found;
      used = found + 2;
    }
    this.appendLine(chunk, 0, used);
    this.lineCarried = false;
    this.lineHasCr = false;
    const line = this.line;
    if (line[cr + 1] !== ASCII.LF) {
      this.fail(REPLY_ERRORS.EXPECTED_CRLF);
      return -1;
    }
    const epoch = this.epoch;
    const result = this.handleLine(line, 0, cr);
    if (result === STOP || this.epoch !== epoch) return -1;
    if (result >= 0) {
      const after = this.takePayload(chunk, used, result);
      if (after < 0) {
        if (!this.failed && this.epoch === epoch) this.replyBytes += chunk.length;
        return -1;
      }
      return after;
    }
    return used;
  }

  // ---------------------------------------------------------------------------------------------------
  // Errors.
  // ---------------------------------------------------------------------------------------------------

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
    this.stack.length = 0;
    this.top = null;
    this.rootAttributes = null;
    this.lineCarried = false;
    this.lineLength = 0;
    this.lineHasCr = false;
    this.payload = null;
    this.payloadHave = 0;
    this.payloadDone = false;
    this.tailLeft = 0;
    this.replyBytes = 0;
  }
}

/** Wraps `value` in its attributes, the last one read innermost. */
function attributed(attributes: Map<RespValue, RespValue>[], value: RespValue): RespValue {
  for (let i = attributes.length - 1; i >= 0; i--)
    value = new RespAttributed(attributes[i] as Map<RespValue, RespValue>, value);
  return value;
}

/** A push, possibly behind attributes (the push handler gets it unwrapped). */
function isPush(value: object): boolean {
  while (value instanceof RespAttributed) value = value.value as object;
  return value instanceof RespPush;
}
