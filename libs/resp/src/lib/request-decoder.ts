// Streaming decoder of client requests, as a Redis server reads them: multibulk (`*<n>\r\n$<len>\r\n...`)
// and inline commands, with the limits and error texts of processMultibulkBuffer/processInlineBuffer in
// redis src/networking.c (7.0). Push parser: `feed()` any split of the input, complete commands go to the
// handler synchronously. Parses bytes, never strings; arguments that lie in one chunk are zero-copy views.
// Incremental: only the unfinished element (a line or a bulk payload) is carried to the next chunk, so a
// frame split across chunks is never re-parsed from its start. No I/O here.
import { BlobCollector } from './blob-collector.js';
import { CarriedLine } from './carried-line.js';
import { RespProtocolError } from './errors.js';
import { parseInt64 } from './parse-int64.js';
import { expectedDollarMessage, REQUEST_ERRORS } from './request-errors.js';
import {
  DEFAULT_REQUEST_LIMITS,
  REDIS_REQUEST_RULES as RULES,
  type RequestLimits,
} from './request-limits.js';
import { splitInlineArgs } from './split-inline-args.js';

/** Receives what the decoder reads. */
export interface RequestHandler {
  /** One complete command. args are Buffers; views into the input chunk where the argument lies in one chunk. */
  command(args: Buffer[]): void;
  /**
   * A protocol error; the decoder discards its state and ignores further input until reset(). The server
   * replies `-ERR ${error.message}` and closes.
   */
  protocolError(error: RespProtocolError): void;
}

/** What the next input byte belongs to. */
const STATE = {
  /** Between commands: the next byte starts a `*` multibulk or an inline command. */
  COMMAND: 0,
  /** Inside a multibulk: the next line is a `$<len>` header. */
  BULK_HEADER: 1,
  /** Inside a multibulk: the next bytes are a bulk payload. */
  BULK_DATA: 2,
  /** The payload is complete; `tailLeft` bytes of its trailing CRLF are still to come. */
  BULK_TAIL: 3,
  /** After a protocol error: everything is ignored until reset(). */
  FAILED: 4,
} as const;
type State = (typeof STATE)[keyof typeof STATE];

/** Which kind of line is being carried over to the next chunk. */
const LINE = {
  /** `*<count>`: ends at the first CR plus one byte. */
  COUNT: 0,
  /** `$<len>`: ends at the first CR plus one byte. */
  BULK_HEADER: 1,
  /** Inline command: ends at the first LF. */
  INLINE: 2,
} as const;
type LineKind = (typeof LINE)[keyof typeof LINE];

const CR = 0x0d;
const LF = 0x0a;
const STAR = 0x2a;
const DOLLAR = 0x24;

/** `findLineEnd` results besides an index: a NUL came first (Redis' strchr stops there), or no end yet. */
const DEAD_LINE = -2;
const NO_LINE_END = -1;
/** quickCommand result: the handler reset the decoder. */
const STOP = -1;

/** Index of the first `terminator` in `buf[from, end)`, NO_LINE_END, or DEAD_LINE if a NUL comes first. */
function findLineEnd(buf: Uint8Array, from: number, end: number, terminator: number): number {
  for (let i = from; i < end; i++) {
    const c = buf[i] as number;
    if (c === terminator) return i;
    if (c === 0) return DEAD_LINE;
  }
  return NO_LINE_END;
}

function tooBigMessage(kind: LineKind): string {
  if (kind === LINE.INLINE) return REQUEST_ERRORS.TOO_BIG_INLINE;
  return kind === LINE.COUNT ? REQUEST_ERRORS.TOO_BIG_MBULK_COUNT : REQUEST_ERRORS.TOO_BIG_BULK_COUNT;
}

export class RequestDecoder {
  private readonly handler: RequestHandler;
  private maxBulkLength: number;
  private maxMultibulkLength: number;
  private maxInlineLength: number;
  private authenticated: boolean;

  private state: State = STATE.COMMAND;
  /** Bumped by reset(): a feed() in progress stops when it changes under it (reset from a handler). */
  private epoch = 0;
  /** Arguments read so far of the current multibulk, and how many are still expected. */
  private args: Buffer[] | null = null;
  private argc = 0;
  private argsLeft = 0;
  /** Declared length of the bulk being read, its bytes when they straddle chunks, CRLF bytes to skip. */
  private bulkLength = 0;
  private readonly bulk = new BlobCollector();
  private tailLeft = 0;
  /** An unfinished line carried from earlier chunks, and its kind. */
  private readonly line = new CarriedLine();
  private lineKind: LineKind = LINE.COUNT;
  /** Input bytes of the current incomplete command received in earlier chunks. */
  private frameBytes = 0;
  /** Set by quickLength(): index of the CR after the number it read. */
  private quickEnd = 0;

  constructor(handler: RequestHandler, limits: Partial<RequestLimits> = {}) {
    this.handler = handler;
    const all = { ...DEFAULT_REQUEST_LIMITS, ...limits };
    this.maxBulkLength = all.maxBulkLength;
    this.maxMultibulkLength = all.maxMultibulkLength;
    this.maxInlineLength = all.maxInlineLength;
    this.authenticated = all.authenticated;
  }

  /** Changes limits; applies from the next header read, even within the chunk being fed (AUTH). */
  setLimits(limits: Partial<RequestLimits>): void {
    if (limits.maxBulkLength !== undefined) this.maxBulkLength = limits.maxBulkLength;
    if (limits.maxMultibulkLength !== undefined) this.maxMultibulkLength = limits.maxMultibulkLength;
    if (limits.maxInlineLength !== undefined) this.maxInlineLength = limits.maxInlineLength;
    if (limits.authenticated !== undefined) this.authenticated = limits.authenticated;
  }

  /** Bytes held for an incomplete command (for the server's query-buffer limit). */
  get bufferedBytes(): number {
    return this.frameBytes;
  }

  /** Drops any partial command and the error state; the rest of a chunk being fed is dropped too. */
  reset(): void {
    this.epoch++;
    this.state = STATE.COMMAND;
    this.clearCommand();
  }

  /** Reads `chunk` (any split of the stream); calls the handler once per complete command, in order. */
  feed(chunk: Buffer): void {
    if (this.state === STATE.FAILED || chunk.length === 0) return;
    let pos = 0;
    if (this.line.active) pos = this.resumeLine(chunk);
    else if (this.bulk.active) pos = this.resumeBulk(chunk);
    if (pos >= 0) this.parse(chunk, pos, 0);
  }

  // ---------------------------------------------------------------------------------------------------
  // Main loop: everything that lies whole in `buf`.
  // ---------------------------------------------------------------------------------------------------

  /** Parses `buf` from `pos`; `frameStart` is where the current command began in `buf` (0 if earlier). */
  private parse(buf: Buffer, pos: number, frameStart: number): void {
    const end = buf.length;
    const epoch = this.epoch;
    while (pos < end) {
      switch (this.state) {
        case STATE.COMMAND: {
          frameStart = pos;
          this.frameBytes = 0;
          if (buf[pos] !== STAR) {
            const lf = findLineEnd(buf, pos, end, LF);
            if (lf < 0) return this.carryLine(buf, pos, LINE.INLINE, lf === DEAD_LINE, frameStart);
            if (lf - pos > this.maxInlineLength) {
              this.fail(REQUEST_ERRORS.TOO_BIG_INLINE);
              return;
            }
            if (!this.inlineLine(buf, pos, lf)) return;
            pos = lf + 1;
            break;
          }
          const after = this.quickCommand(buf, pos, end);
          if (after === STOP) return;
          if (after > 0) {
            pos = after;
            break;
          }
          const cr = findLineEnd(buf, pos + 1, end, CR);
          if (cr < 0 || cr + 1 >= end) {
            return this.carryLine(buf, pos, LINE.COUNT, cr === DEAD_LINE, frameStart);
          }
          if (cr - pos > this.maxInlineLength) {
            this.fail(REQUEST_ERRORS.TOO_BIG_MBULK_COUNT);
            return;
          }
          if (!this.countLine(buf, pos, cr)) return;
          pos = cr + 2; // Redis skips the byte after CR without looking at it.
          break;
        }
        case STATE.BULK_HEADER: {
          const cr = findLineEnd(buf, pos, end, CR);
          if (cr < 0 || cr + 1 >= end) {
            return this.carryLine(buf, pos, LINE.BULK_HEADER, cr === DEAD_LINE, frameStart);
          }
          if (cr - pos > this.maxInlineLength) {
            this.fail(REQUEST_ERRORS.TOO_BIG_BULK_COUNT);
            return;
          }
          if (!this.bulkHeaderLine(buf, pos, cr)) return;
          pos = cr + 2;
          break;
        }
        case STATE.BULK_DATA: {
          const length = this.bulkLength;
          if (end - pos < length) {
            this.frameBytes += end - frameStart;
            return this.bulk.start(length, buf, pos, end);
          }
          this.pushArg(buf.subarray(pos, pos + length));
          this.tailLeft = 2; // Redis skips the two bytes after a payload without checking they are CRLF.
          this.state = STATE.BULK_TAIL;
          pos += length;
          break;
        }
        case STATE.BULK_TAIL: {
          const skip = Math.min(this.tailLeft, end - pos);
          pos += skip;
          this.tailLeft -= skip;
          if (this.tailLeft > 0) break;
          if (this.argsLeft > 0) this.state = STATE.BULK_HEADER;
          else if (!this.emit(epoch)) return;
          break;
        }
        default:
          return; // FAILED
      }
    }
    if (this.state !== STATE.COMMAND) this.frameBytes += end - frameStart;
  }

  // ---------------------------------------------------------------------------------------------------
  // Fast path: a whole command with plain lengths in one chunk (the pipelined common case).
  // ---------------------------------------------------------------------------------------------------

  /**
   * Reads the multibulk at `pos` when it lies whole in `buf` with short plain numbers (at most 1024
   * arguments, lengths below 1e9) within every limit, and hands it to the handler. Returns the position
   * after it, 0 when the general path must read it (incomplete, unusual or invalid: it then applies every
   * rule and error text), or STOP when the handler reset the decoder.
   */
  private quickCommand(buf: Buffer, pos: number, end: number): number {
    const count = this.quickLength(buf, pos + 1, end);
    if (count <= 0 || count > RULES.ARGV_PREALLOC_CAP || count > this.maxMultibulkLength) return 0;
    if (count > RULES.UNAUTHENTICATED_MAX_MULTIBULK && !this.authenticated) return 0;
    if (this.quickEnd - pos > this.maxInlineLength) return 0;
    const args = new Array<Buffer>(count);
    let i = this.quickEnd + 2; // Redis skips the byte after CR unchecked
    for (let a = 0; a < count; a++) {
      if (buf[i] !== DOLLAR) return 0;
      const length = this.quickLength(buf, i + 1, end);
      if (length < 0 || length > this.maxBulkLength || this.quickEnd - i > this.maxInlineLength) return 0;
      if (length > RULES.UNAUTHENTICATED_MAX_BULK && !this.authenticated) return 0;
      const from = this.quickEnd + 2;
      if (from + length + 2 > end) return 0;
      args[a] = buf.subarray(from, from + length);
      i = from + length + 2; // the two bytes after a payload are not checked either
    }
    const epoch = this.epoch;
    this.handler.command(args);
    return this.epoch === epoch ? i : STOP;
  }

  /**
   * `<digits>\r` + one more byte at `from`: "0" or 1 to 9 digits without a leading zero (a subset of what
   * string2ll accepts). Returns the value with `quickEnd` at the CR, or -1 for anything else.
   */
  private quickLength(buf: Uint8Array, from: number, end: number): number {
    let i = from;
    let n = 0;
    for (; i < end; i++) {
      const digit = (buf[i] as number) - 0x30;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    const digits = i - from;
    if (digits === 0 || digits > 9 || i + 1 >= end || buf[i] !== CR) return -1;
    if (buf[from] === 0x30 && digits > 1) return -1;
    this.quickEnd = i;
    return n;
  }

  // ---------------------------------------------------------------------------------------------------
  // Lines: `*<count>`, `$<len>` and inline commands.
  // ---------------------------------------------------------------------------------------------------

  /** Handles a complete `*<count>` line `buf[start, cr)`. Returns false after a protocol error. */
  private countLine(buf: Uint8Array, start: number, cr: number): boolean {
    const count = parseInt64(buf, start + 1, cr);
    if (!(count <= RULES.MAX_MULTIBULK && count <= this.maxMultibulkLength)) {
      return this.fail(REQUEST_ERRORS.INVALID_MULTIBULK_LENGTH);
    }
    if (count > RULES.UNAUTHENTICATED_MAX_MULTIBULK && !this.authenticated) {
      return this.fail(REQUEST_ERRORS.UNAUTHENTICATED_MULTIBULK);
    }
    if (count <= 0) return true; // `*0`, `*-1`, `*-10`: consumed and ignored, like Redis.
    this.args = count <= RULES.ARGV_PREALLOC_CAP ? new Array<Buffer>(count) : [];
    this.argc = 0;
    this.argsLeft = count;
    this.state = STATE.BULK_HEADER;
    return true;
  }

  /** Handles a complete `$<len>` line `buf[start, cr)`. Returns false after a protocol error. */
  private bulkHeaderLine(buf: Uint8Array, start: number, cr: number): boolean {
    const first = buf[start] as number;
    if (first !== DOLLAR) return this.fail(expectedDollarMessage(first));
    const length = parseInt64(buf, start + 1, cr);
    if (!(length >= 0 && length <= this.maxBulkLength)) return this.fail(REQUEST_ERRORS.INVALID_BULK_LENGTH);
    if (length > RULES.UNAUTHENTICATED_MAX_BULK && !this.authenticated) {
      return this.fail(REQUEST_ERRORS.UNAUTHENTICATED_BULK);
    }
    this.bulkLength = length;
    this.state = STATE.BULK_DATA;
    return true;
  }

  /** Handles a complete inline line `buf[start, lf)`. Returns false when parsing must stop. */
  private inlineLine(buf: Uint8Array, start: number, lf: number): boolean {
    const end = lf > start && buf[lf - 1] === CR ? lf - 1 : lf;
    const args = splitInlineArgs(buf, start, end);
    if (args === null) return this.fail(REQUEST_ERRORS.UNBALANCED_QUOTES);
    if (args.length === 0) return true; // empty or blank line: ignored
    const epoch = this.epoch;
    this.handler.command(args);
    return this.epoch === epoch;
  }

  /** Keeps the unfinished line at `start` for the next chunk, or fails if it is already too long. */
  private carryLine(buf: Buffer, start: number, kind: LineKind, dead: boolean, frameStart: number): void {
    if (buf.length - start > this.maxInlineLength) {
      this.fail(tooBigMessage(kind));
      return;
    }
    this.lineKind = kind;
    this.line.start(buf, start, !dead && kind !== LINE.INLINE && buf[buf.length - 1] === CR, dead);
    this.frameBytes += buf.length - frameStart;
  }

  /**
   * Completes the carried line with the head of `chunk` and handles it. Returns the position in `chunk`
   * after the line (parse() goes on from there and counts the chunk's bytes of an incomplete command), or
   * -1 when parsing of this chunk is over (line still incomplete, an error, or a reset).
   */
  private resumeLine(chunk: Buffer): number {
    const line = this.line;
    const kind = this.lineKind;
    let used: number; // bytes of chunk that belong to the line
    let terminatorAt: number; // index of the terminator in the assembled line
    if (line.endsWithCr) {
      used = 1; // the byte after CR, whatever it is
      terminatorAt = line.length - 1;
    } else {
      const found = line.dead
        ? DEAD_LINE
        : findLineEnd(chunk, 0, chunk.length, kind === LINE.INLINE ? LF : CR);
      if (found === DEAD_LINE) line.dead = true;
      if ((found >= 0 ? line.length + found : line.length + chunk.length) > this.maxInlineLength) {
        this.fail(tooBigMessage(kind));
        return -1;
      }
      if (found < 0 || (kind !== LINE.INLINE && found + 1 >= chunk.length)) {
        line.append(chunk, 0, chunk.length);
        line.endsWithCr = found >= 0;
        this.frameBytes += chunk.length;
        return -1;
      }
      used = kind === LINE.INLINE ? found + 1 : found + 2;
      terminatorAt = line.length + found;
    }
    line.append(chunk, 0, used);
    line.active = false;
    const epoch = this.epoch;
    let ok: boolean;
    if (kind === LINE.INLINE) {
      this.frameBytes = 0;
      ok = this.inlineLine(line.bytes, 0, terminatorAt);
    } else if (kind === LINE.COUNT) {
      ok = this.countLine(line.bytes, 0, terminatorAt);
      if (this.state === STATE.COMMAND) this.frameBytes = 0; // count <= 0: ignored
    } else {
      ok = this.bulkHeaderLine(line.bytes, 0, terminatorAt);
    }
    return ok && this.epoch === epoch ? used : -1;
  }

  // ---------------------------------------------------------------------------------------------------
  // Bulk payloads that straddle chunks, commands and errors.
  // ---------------------------------------------------------------------------------------------------

  /** Adds the head of `chunk` to the collected payload. Returns the position after it, or -1 if used up. */
  private resumeBulk(chunk: Buffer): number {
    const took = this.bulk.add(chunk, 0);
    if (!this.bulk.complete) {
      this.frameBytes += chunk.length;
      return -1;
    }
    this.pushArg(this.bulk.take());
    this.tailLeft = 2;
    this.state = STATE.BULK_TAIL;
    return took;
  }

  private pushArg(arg: Buffer): void {
    (this.args as Buffer[])[this.argc++] = arg;
    this.argsLeft--;
  }

  /** Hands the finished multibulk to the handler. Returns false when parsing must stop. */
  private emit(epoch: number): boolean {
    const args = this.args as Buffer[];
    this.args = null;
    this.state = STATE.COMMAND;
    this.frameBytes = 0;
    this.handler.command(args);
    return this.epoch === epoch;
  }

  /** Reports a protocol error and stops reading until reset(). Returns false (for `return this.fail()`). */
  private fail(message: string): false {
    this.clearCommand();
    this.state = STATE.FAILED;
    this.handler.protocolError(new RespProtocolError(message));
    return false;
  }

  private clearCommand(): void {
    this.args = null;
    this.argc = 0;
    this.argsLeft = 0;
    this.bulk.clear();
    this.tailLeft = 0;
    this.line.clear();
    this.frameBytes = 0;
  }
}
