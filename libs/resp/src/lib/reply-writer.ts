// Encoder of server replies: appends RESP2 or RESP3 frames (per connection `protocol`) to one growable
// Buffer so that all replies produced while handling one input chunk leave in a single socket write
// (performance.md technique 1). Strings are byte strings: one char per byte, written as latin1.
// Writes bytes directly (no intermediate strings for headers); no I/O here.
import { RespEncodeError } from './errors.js';
import { formatDouble17g } from './format-double-17g.js';

/** Node's native latin1 writer (Buffer.prototype.latin1Write, present since Node 0.x, not in @types/node). */
interface Latin1Writable {
  latin1Write(text: string, offset: number, length: number): number;
}

export interface ReplyWriterOptions {
  /**
   * Bytes allocated when the writer first needs room (and again after `take()` handed a large buffer out).
   * @default 16384
   */
  initialSize?: number;
}

/** `take()` copies pending bytes below this size into Node's 8 KB pool slab; larger ones hand the buffer out. */
const COPY_LIMIT = Buffer.poolSize >>> 1;
/** Strings shorter than this are copied with a JS loop; a native latin1Write call costs more for them. */
const SHORT_TEXT = 24;
const DEFAULT_INITIAL_SIZE = 16_384;
const VERBATIM_FORMAT_LENGTH = 3;
const BIG_NUMBER_TEXT = /^-?[0-9]+$/;

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;

export class ReplyWriter {
  /** RESP version of the connection (HELLO 3 switches it). Decides how nulls, maps, doubles... are framed. */
  protocol: 2 | 3 = 2;
  private buf: Buffer | null = null;
  private pos = 0;
  private readonly initialSize: number;

  constructor(options: ReplyWriterOptions = {}) {
    this.initialSize = Math.max(64, options.initialSize ?? DEFAULT_INITIAL_SIZE);
  }

  /** Pending bytes. */
  get length(): number {
    return this.pos;
  }

  /** `+text\r\n`; CR/LF in text become spaces so the frame cannot break. */
  simple(text: string): void {
    const buf = this.room(text.length + 3);
    buf[this.pos++] = 0x2b;
    this.writeLine(buf, text);
  }

  /** `-text\r\n` (text starts with the code: `ERR ...`, `WRONGTYPE ...`); CR/LF become spaces, like Redis. */
  error(text: string): void {
    const buf = this.room(text.length + 3);
    buf[this.pos++] = 0x2d;
    this.writeLine(buf, text);
  }

  /** `:n\r\n`. Throws RespEncodeError for a number that is not an integer. */
  integer(n: number | bigint): void {
    if (typeof n === 'number' && !Number.isInteger(n)) {
      throw new RespEncodeError(
        `integer() needs an integer, got ${n}; use double() for floating point replies`,
      );
    }
    this.header(0x3a, n);
  }

  /** `$<len>\r\n<bytes>\r\n`. A string is a byte string: each char is one byte (latin1). */
  bulk(value: string | Buffer): void {
    const length = value.length;
    const buf = this.room(length + 24);
    this.writeHeader(buf, 0x24, length);
    if (typeof value === 'string') this.writeText(buf, value);
    else this.writeBytes(buf, value);
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** The null bulk string: RESP2 `$-1`, RESP3 `_`. */
  nullBulk(): void {
    if (this.protocol === 3) this.ascii('_\r\n');
    else this.ascii('$-1\r\n');
  }

  /** The null array: RESP2 `*-1`, RESP3 `_`. */
  nullArray(): void {
    if (this.protocol === 3) this.ascii('_\r\n');
    else this.ascii('*-1\r\n');
  }

  /** `*n`, followed by n elements. */
  arrayHeader(n: number): void {
    this.header(0x2a, n);
  }

  /** RESP3 `%pairs`; RESP2 a flat array `*(2 * pairs)`. Followed by key, value, key, value... */
  mapHeader(pairs: number): void {
    if (this.protocol === 3) this.header(0x25, pairs);
    else this.header(0x2a, pairs * 2);
  }

  /** RESP3 `~n`; RESP2 `*n`. */
  setHeader(n: number): void {
    this.header(this.protocol === 3 ? 0x7e : 0x2a, n);
  }

  /** RESP3 push `>n` (pub/sub messages); RESP2 `*n`. */
  pushHeader(n: number): void {
    this.header(this.protocol === 3 ? 0x3e : 0x2a, n);
  }

  /** RESP3 `,<%.17g>`; RESP2 a bulk string of the same text (Redis 7.0 addReplyDouble). */
  double(d: number): void {
    const text = formatDouble17g(d);
    if (this.protocol === 2) {
      this.bulk(text);
      return;
    }
    const buf = this.room(text.length + 3);
    buf[this.pos++] = 0x2c;
    this.writeText(buf, text);
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** RESP3 `#t`/`#f`; RESP2 `:1`/`:0`. */
  boolean(b: boolean): void {
    if (this.protocol === 3) this.ascii(b ? '#t\r\n' : '#f\r\n');
    else this.ascii(b ? ':1\r\n' : ':0\r\n');
  }

  /** RESP3 `=<len>\r\n<format>:<text>\r\n` (format is 3 chars, e.g. `txt`, `mkd`); RESP2 a bulk of text. */
  verbatim(text: string, format = 'txt'): void {
    if (this.protocol === 2) {
      this.bulk(text);
      return;
    }
    if (format.length !== VERBATIM_FORMAT_LENGTH) {
      throw new RespEncodeError(`verbatim() format must be 3 characters such as 'txt', got '${format}'`);
    }
    const buf = this.room(text.length + 24);
    this.writeHeader(buf, 0x3d, text.length + VERBATIM_FORMAT_LENGTH + 1);
    this.writeText(buf, format);
    buf[this.pos++] = 0x3a;
    this.writeText(buf, text);
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** RESP3 `(digits`; RESP2 a bulk of the digits. Throws RespEncodeError unless digits is `-?[0-9]+`. */
  bigNumber(digits: string): void {
    if (!BIG_NUMBER_TEXT.test(digits)) {
      throw new RespEncodeError(`bigNumber() needs decimal digits with an optional '-', got '${digits}'`);
    }
    if (this.protocol === 2) {
      this.bulk(digits);
      return;
    }
    const buf = this.room(digits.length + 3);
    buf[this.pos++] = 0x28;
    this.writeText(buf, digits);
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** Pre-encoded bytes, written as they are (see REPLIES). A string is a byte string. */
  raw(bytes: Buffer | string): void {
    const buf = this.room(bytes.length);
    if (typeof bytes === 'string') this.writeText(buf, bytes);
    else this.writeBytes(buf, bytes);
  }

  /**
   * The pending bytes, or null if none; the writer is then empty and reused. The result is never
   * written to again: small outputs (< 4 KB, the common case) are copied into Node's pooled slab, which
   * is cheaper than allocating a fresh buffer per take; larger ones hand the buffer itself out (no copy of
   * a big reply) and a new one is allocated lazily, which also drops a buffer grown for one huge reply.
   */
  take(): Buffer | null {
    const length = this.pos;
    if (length === 0) return null;
    const buf = this.buf as Buffer;
    this.pos = 0;
    if (length < COPY_LIMIT) {
      const out = Buffer.allocUnsafe(length);
      buf.copy(out, 0, 0, length);
      return out;
    }
    this.buf = null;
    return buf.subarray(0, length);
  }

  // ---------------------------------------------------------------------------------------------------
  // Byte writers. Each caller reserves room first, then writes with `this.pos` as the cursor.
  // ---------------------------------------------------------------------------------------------------

  /** Makes room for `extra` more bytes (doubling) and returns the buffer to write into. */
  private room(extra: number): Buffer {
    const buf = this.buf;
    const needed = this.pos + extra;
    if (buf !== null && needed <= buf.length) return buf;
    let size = buf === null ? this.initialSize : buf.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    if (buf !== null) buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
    return grown;
  }

  private header(type: number, n: number | bigint): void {
    if (typeof n === 'number' && n >= 0 && n < 1e9) {
      this.writeHeader(this.room(16), type, n);
      return;
    }
    // bigint, negative or large; String() of a number >= 1e21 would use exponent notation.
    const text = typeof n === 'bigint' || Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
    const buf = this.room(text.length + 3);
    buf[this.pos++] = type;
    this.writeText(buf, text);
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** `<type><n>\r\n` for a length (a non-negative safe integer), digit by digit below 1e9 (no string). */
  private writeHeader(buf: Buffer, type: number, n: number): void {
    buf[this.pos++] = type;
    if (n < 1e9) {
      let digits = 1;
      for (let limit = 10; n >= limit; limit *= 10) digits++;
      let at = this.pos + digits;
      this.pos = at;
      let rest = n;
      do {
        const next = Math.floor(rest / 10);
        buf[--at] = 0x30 + rest - next * 10;
        rest = next;
      } while (rest > 0);
    } else {
      this.writeText(buf, String(n));
    }
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  /** Writes a byte string. */
  private writeText(buf: Buffer, text: string): void {
    const length = text.length;
    if (length < SHORT_TEXT) {
      let pos = this.pos;
      for (let i = 0; i < length; i++) buf[pos++] = text.charCodeAt(i);
      this.pos = pos;
    } else {
      this.pos += (buf as unknown as Latin1Writable).latin1Write(text, this.pos, length);
    }
  }

  /** Writes a text line and its CRLF, CR/LF inside it turned into spaces (Redis' addReplyErrorLength). */
  private writeLine(buf: Buffer, text: string): void {
    const start = this.pos;
    this.writeText(buf, text);
    for (let i = start; i < this.pos; i++) {
      if (buf[i] === CR || buf[i] === LF) buf[i] = SPACE;
    }
    buf[this.pos++] = CR;
    buf[this.pos++] = LF;
  }

  private writeBytes(buf: Buffer, bytes: Buffer): void {
    const length = bytes.length;
    if (length < SHORT_TEXT) {
      let pos = this.pos;
      for (let i = 0; i < length; i++) buf[pos++] = bytes[i] as number;
      this.pos = pos;
    } else {
      buf.set(bytes, this.pos);
      this.pos += length;
    }
  }

  private ascii(text: string): void {
    this.writeText(this.room(text.length), text);
  }
}
