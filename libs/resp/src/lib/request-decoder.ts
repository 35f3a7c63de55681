// Streaming decoder of client requests, as a Redis server reads them: multibulk (`*<n>\r\n$<len>\r\n...`)
// and inline commands, with the limits and error texts of processMultibulkBuffer/processInlineBuffer in
// redis src/networking.c (7.0). Push parser: `feed()` any split of the input, complete commands go to the
// handler synchronously. Parses bytes, never strings; arguments that lie in one chunk are zero-copy views.
// Incremental: only the unfinished element (a line or a bulk payload) is carried to the next chunk, so a
// frame split across chunks is never re-parsed from its start. No I/O here.
import { RespProtocolError } from './errors.js';
import { parseInt64 } from './parse-int64.js';
import { expectedDollarMessage, REQUEST_ERRORS } from './request-errors.js';
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

/** Limits of the request decoder (Redis' names and defaults). */
export interface RequestLimits {
  /** proto-max-bulk-len. @default 536870912 */
  maxBulkLength: number;
  /** Largest accepted multibulk count. @default 2147483647 (Redis: INT_MAX) */
  maxMultibulkLength: number;
  /** Longest inline command or count line without CRLF. @default 65536 (PROTO_INLINE_MAX_SIZE) */
  maxInlineLength: number;
  /**
   * Before AUTH: multibulk > 10 -> 'Protocol error: unauthenticated multibulk length', bulk > 16384 ->
   * 'Protocol error: unauthenticated bulk length'. @default true
   */
  authenticated: boolean;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxBulkLength: 536_870_912,
  maxMultibulkLength: 2_147_483_647,
  maxInlineLength: 65_536,
  authenticated: true,
});

/** INT_MAX: Redis rejects larger multibulk counts whatever the configuration. */
const INT_MAX = 2_147_483_647;
/** Redis caps the argv pre-allocation at 1024 entries (a declared count allocates nothing more). */
const ARGV_PREALLOC_CAP = 1024;
/** Before AUTH (authRequired in networking.c). */
const UNAUTHENTICATED_MAX_MULTIBULK = 10;
const UNAUTHENTICATED_MAX_BULK = 16_384;
/** Bulk payloads up to this size are allocated whole when they straddle chunks; larger ones grow. */
const BULK_PREALLOC_CAP = 65_536;

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

/** quickCommand result: the handler reset the decoder. */
const STOP = -1;

/** `findLineEnd` result: a NUL came before the terminator, which Redis' `strchr` then never finds. */
const DEAD_LINE = -2;
/** `findLineEnd` result: no terminator in the bytes available. */
const NO_LINE_END = -1;

/**
 * Index of the first `terminator` byte in `buf[from, end)`, NO_LINE_END, or DEAD_LINE when a NUL comes
 * first (Redis searches lines with `strchr`, which stops at NUL).
 */
function findLineEnd(buf: Uint8Array, from: number, end: number, terminator: number): number {
  for (let i = from; i < end; i++) {
    const c = buf[i] as number;
    if (c === terminator) return i;
    if (c === 0) return DEAD_LINE;
  }
  return NO_LINE_END;
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
  /** Declared length of the bulk being read (BULK_DATA) and its bytes collected so far when it straddles. */
  private bulkLength = 0;
  private bulk: Buffer | null = null;
  private bulkHave = 0;
  /** Bytes of the trailing CRLF still to skip in BULK_TAIL. */
  private tailLeft = 0;

  /** An unfinished line carried from earlier chunks: kind, bytes (scratch, reused), and CR seen at its end. */
  private lineKind: LineKind = LINE.COUNT;
  private line: Buffer = Buffer.allocUnsafe(0);
  private lineLength = 0;
  private lineCarried = false;
  /** Count and header lines end one byte after their CR; true when the carried line ends with that CR. */
  private lineHasCr = false;
  /** The carried line had a NUL before its end: only its length is kept (Redis can never parse it). */
  private lineDead = false;

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
    if (this.lineCarried) {
      pos = this.resumeLine(chunk);
      if (pos < 0) return;
    } else if (this.state === STATE.BULK_DATA && this.bulk !== null) {
      pos = this.resumeBulk(chunk);
      if (pos < 0) return;
    }
    this.parse(chunk, pos, 0);
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
          if (buf[pos] === 0x2a) {
            const after = this.quickCommand(buf, pos, end);
            if (after > 0) {
              pos = after;
              break;
            }
            if (after === STOP) return;
          } else {
            const lf = findLineEnd(buf, pos, end, 0x0a);
            if (lf < 0) return this.carryLine(buf, pos, LINE.INLINE, lf === DEAD_LINE, frameStart);
            if (lf - pos > this.maxInlineLength) return this.fail(REQUEST_ERRORS.TOO_BIG_INLINE);
            if (!this.inlineLine(buf, pos, lf)) return;
            pos = lf + 1;
            break;
          }
          const cr = findLineEnd(buf, pos + 1, end, 0x0d);
          if (cr < 0 || cr + 1 >= end)
            return this.carryLine(buf, pos, LINE.COUNT, cr === DEAD_LINE, frameStart);
          if (cr - pos > this.maxInlineLength) return this.fail(REQUEST_ERRORS.TOO_BIG_MBULK_COUNT);
          if (!this.countLine(buf, pos, cr)) return;
          pos = cr + 2; // Redis skips the byte after CR without looking at it.
          break;
        }
        case STATE.BULK_HEADER: {
          const cr = findLineEnd(buf, pos, end, 0x0d);
          if (cr < 0 || cr + 1 >= end) {
            return this.carryLine(buf, pos, LINE.BULK_HEADER, cr === DEAD_LINE, frameStart);
          }
          if (cr - pos > this.maxInlineLength) return this.fail(REQUEST_ERRORS.TOO_BIG_BULK_COUNT);
          if (!this.bulkHeaderLine(buf, pos, cr)) return;
          pos = cr + 2;
          break;
        }
        case STATE.BULK_DATA: {
          const length = this.bulkLength;
          const available = end - pos;
          if (available < length) {
            this.frameBytes += end - frameStart;
            return this.startBulk(buf, pos, available);
          }
          this.pushArg(buf.subarray(pos, pos + length));
          if (available < length + 2) {
            // Payload here, trailing CRLF in the next chunk: keep the zero-copy view, skip the rest later.
            this.frameBytes += end - frameStart;
            this.tailLeft = length + 2 - available;
            this.state = STATE.BULK_TAIL;
            return;
          }
          pos += length + 2; // Redis does not check that these two bytes are CRLF.
          if (this.argsLeft === 0) {
            if (!this.emit(epoch)) return;
          } else {
            this.state = STATE.BULK_HEADER;
          }
          break;
        }
        case STATE.BULK_TAIL: {
          const skip = Math.min(this.tailLeft, end - pos);
          pos += skip;
          this.tailLeft -= skip;
          if (this.tailLeft > 0) {
            this.frameBytes += end - frameStart;
            return;
          }
          if (this.argsLeft === 0) {
            if (!this.emit(epoch)) return;
          } else {
            this.state = STATE.BULK_HEADER;
          }
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
    const countEnd = this.quickEnd;
    if (count <= 0 || count > ARGV_PREALLOC_CAP || count > this.maxMultibulkLength) return 0;
    if (count > UNAUTHENTICATED_MAX_MULTIBULK && !this.authenticated) return 0;
    if (countEnd - pos > this.maxInlineLength) return 0;
    const args = new Array<Buffer>(count);
    let i = countEnd + 2; // Redis skips the byte after CR unchecked
    for (let a = 0; a < count; a++) {
      if (buf[i] !== 0x24) return 0;
      const length = this.quickLength(buf, i + 1, end);
      if (length < 0 || length > this.maxBulkLength || this.quickEnd - i > this.maxInlineLength) return 0;
      if (length > UNAUTHENTICATED_MAX_BULK && !this.authenticated) return 0;
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
    if (digits === 0 || digits > 9 || i + 1 >= end || buf[i] !== 0x0d) return -1;
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
    if (!(count <= INT_MAX && count <= this.maxMultibulkLength)) {
      this.fail(REQUEST_ERRORS.INVALID_MULTIBULK_LENGTH);
      return false;
    }
    if (count > UNAUTHENTICATED_MAX_MULTIBULK && !this.authenticated) {
      this.fail(REQUEST_ERRORS.UNAUTHENTICATED_MULTIBULK);
      return false;
    }
    if (count <= 0) return true; // `*0`, `*-1`, `*-10`: consumed and ignored, like Redis.
    this.args = count <= ARGV_PREALLOC_CAP ? new Array<Buffer>(count) : [];
    this.argc = 0;
    this.argsLeft = count;
    this.state = STATE.BULK_HEADER;
    return true;
  }

  /** Handles a complete `$<len>` line `buf[start, cr)`. Returns false after a protocol error. */
  private bulkHeaderLine(buf: Uint8Array, start: number, cr: number): boolean {
    const first = buf[start] as number;
    if (first !== 0x24) {
      this.fail(expectedDollarMessage(first));
      return false;
    }
    const length = parseInt64(buf, start + 1, cr);
    if (!(length >= 0 && length <= this.maxBulkLength)) {
      this.fail(REQUEST_ERRORS.INVALID_BULK_LENGTH);
      return false;
    }
    if (length > UNAUTHENTICATED_MAX_BULK && !this.authenticated) {
      this.fail(REQUEST_ERRORS.UNAUTHENTICATED_BULK);
      return false;
    }
    this.bulkLength = length;
    this.state = STATE.BULK_DATA;
    return true;
  }

  /** Handles a complete inline line `buf[start, lf)`. Returns false when parsing must stop. */
  private inlineLine(buf: Uint8Array, start: number, lf: number): boolean {
    const end = lf > start && buf[lf - 1] === 0x0d ? lf - 1 : lf;
    const args = splitInlineArgs(buf, start, end);
    if (args === null) {
      this.fail(REQUEST_ERRORS.UNBALANCED_QUOTES);
      return false;
    }
    if (args.length === 0) return true; // empty or blank line: ignored
    const epoch = this.epoch;
    this.handler.command(args);
    return this.epoch === epoch;
  }

  /** Keeps the unfinished line `buf[start, end)` for the next chunk, or fails if it is already too long. */
  private carryLine(buf: Buffer, start: number, kind: LineKind, dead: boolean, frameStart: number): void {
    if (buf.length - start > this.maxInlineLength) return this.fail(tooBigMessage(kind));
    this.lineKind = kind;
    this.lineCarried = true;
    this.lineDead = dead;
    this.lineHasCr = !dead && buf[buf.length - 1] === 0x0d && kind !== LINE.INLINE;
    this.lineLength = 0;
    this.appendLine(buf, start, buf.length);
    this.frameBytes += buf.length - frameStart;
  }

  private appendLine(buf: Buffer, from: number, to: number): void {
    const length = to - from;
    if (this.lineDead) {
      this.lineLength += length; // never parsed: count it, do not keep it
      return;
    }
    const needed = this.lineLength + length;
    if (needed > this.line.length) {
      const grown = Buffer.allocUnsafe(
        Math.max(needed, Math.min(this.line.length * 2, this.maxInlineLength + 2), 64),
      );
      this.line.copy(grown, 0, 0, this.lineLength);
      this.line = grown;
    }
    buf.copy(this.line, this.lineLength, from, to);
    this.lineLength = needed;
  }

  /**
   * Completes the carried line with the head of `chunk` and handles it. Returns the position in `chunk`
   * after the line (parse() goes on from there and counts the chunk's bytes of an incomplete command), or
   * -1 when parsing of this chunk is over (line still incomplete, an error, or a reset).
   */
  private resumeLine(chunk: Buffer): number {
    const kind = this.lineKind;
    const terminator = kind === LINE.INLINE ? 0x0a : 0x0d;
    let end: number; // index in chunk just after the line's last byte
    let terminatorAt: number; // index of the terminator in the assembled line
    if (this.lineHasCr) {
      end = 1; // the byte after CR, whatever it is
      terminatorAt = this.lineLength - 1;
    } else {
      const found = this.lineDead ? DEAD_LINE : findLineEnd(chunk, 0, chunk.length, terminator);
      if (found === DEAD_LINE) this.lineDead = true;
      const complete = found >= 0 && (kind === LINE.INLINE || found + 1 < chunk.length);
      const lineSoFar = this.lineLength + (found >= 0 ? found : chunk.length);
      if (lineSoFar > this.maxInlineLength) {
        this.fail(tooBigMessage(kind));
        return -1;
      }
      if (!complete) {
        this.appendLine(chunk, 0, chunk.length);
        this.lineHasCr = found >= 0;
        this.frameBytes += chunk.length;
        return -1;
      }
      terminatorAt = this.lineLength + found;
      end = kind === LINE.INLINE ? found + 1 : found + 2;
    }
    this.appendLine(chunk, 0, end);
    this.lineCarried = false;
    const epoch = this.epoch;
    const line = this.line;
    let ok: boolean;
    if (kind === LINE.INLINE) {
      this.frameBytes = 0;
      ok = this.inlineLine(line, 0, terminatorAt);
    } else if (kind === LINE.COUNT) {
      ok = this.countLine(line, 0, terminatorAt);
      if (this.state === STATE.COMMAND) this.frameBytes = 0; // count <= 0: ignored
    } else {
      ok = this.bulkHeaderLine(line, 0, terminatorAt);
    }
    return ok && this.epoch === epoch ? end : -1;
  }

  // ---------------------------------------------------------------------------------------------------
  // Bulk payloads that straddle chunks.
  // ---------------------------------------------------------------------------------------------------

  /** Starts collecting a payload of which only `available` bytes are in `buf` at `pos`. */
  private startBulk(buf: Buffer, pos: number, available: number): void {
    const length = this.bulkLength;
    const capacity = length <= BULK_PREALLOC_CAP ? length : Math.max(BULK_PREALLOC_CAP, available * 2);
    this.bulk = Buffer.allocUnsafe(Math.min(length, capacity));
    buf.copy(this.bulk, 0, pos, pos + available);
    this.bulkHave = available;
  }

  /** Adds the head of `chunk` to the collected payload. Returns the position after it, or -1 if used up. */
  private resumeBulk(chunk: Buffer): number {
    const bulk = this.bulk as Buffer;
    const length = this.bulkLength;
    const take = Math.min(length - this.bulkHave, chunk.length);
    const needed = this.bulkHave + take;
    let target = bulk;
    if (needed > bulk.length) {
      target = Buffer.allocUnsafe(Math.min(length, Math.max(needed, bulk.length * 2)));
      bulk.copy(target, 0, 0, this.bulkHave);
    }
    chunk.copy(target, this.bulkHave, 0, take);
    this.bulkHave = needed;
    if (needed < length) {
      this.bulk = target;
      this.frameBytes += take;
      return -1;
    }
    this.bulk = null;
    this.bulkHave = 0;
    this.pushArg(target);
    this.tailLeft = 2;
    this.state = STATE.BULK_TAIL;
    return take;
  }

  // ---------------------------------------------------------------------------------------------------
  // Commands and errors.
  // ---------------------------------------------------------------------------------------------------

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

  private fail(message: string): void {
    this.clearCommand();
    this.state = STATE.FAILED;
    this.handler.protocolError(new RespProtocolError(message));
  }

  private clearCommand(): void {
    this.args = null;
    this.argc = 0;
    this.argsLeft = 0;
    this.bulk = null;
    this.bulkHave = 0;
    this.tailLeft = 0;
    this.lineCarried = false;
    this.lineLength = 0;
    this.lineHasCr = false;
    this.lineDead = false;
    this.frameBytes = 0;
  }
}

function tooBigMessage(kind: LineKind): string {
  if (kind === LINE.INLINE) return REQUEST_ERRORS.TOO_BIG_INLINE;
  return kind === LINE.COUNT ? REQUEST_ERRORS.TOO_BIG_MBULK_COUNT : REQUEST_ERRORS.TOO_BIG_BULK_COUNT;
}
