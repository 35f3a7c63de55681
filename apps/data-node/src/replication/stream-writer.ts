// The replication stream as the master writes it: RESP multibulk commands (`*<n>\r\n$<len>\r\n<arg>\r\n...`),
// byte for byte what Redis sends its replicas, appended to one growing buffer between flushes so that a
// propagated command costs a copy of its arguments and nothing else (no Buffer per command). A run of
// commands can be wrapped in MULTI/EXEC after the fact (the commands of one EXEC, or a command and the
// expiry it caused). Arguments are Buffers or byte strings (latin1). No I/O.

/** Node's native latin1 writer (Buffer.prototype.latin1Write, not in @types/node; see libs/resp reply-writer). */
interface Latin1Writable {
  latin1Write(text: string, offset: number, length: number): number;
}

const MULTI = Buffer.from('*1\r\n$5\r\nMULTI\r\n', 'latin1');
const EXEC = Buffer.from('*1\r\n$4\r\nEXEC\r\n', 'latin1');
const INITIAL_SIZE = 64 * 1024;
/** Arguments shorter than this are copied byte by byte (see `command`). */
const SHORT_ARG = 48;

/** One stream argument: a Buffer, or a byte string (one char per byte). */
export type StreamArg = Buffer | string;

export class StreamWriter {
  private buffer = Buffer.allocUnsafe(INITIAL_SIZE);
  private used = 0;

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.used;
  }

  /** Appends one command. */
  command(args: readonly StreamArg[]): void {
    let size = 16; // `*<n>\r\n` with n of up to 13 digits
    for (let i = 0; i < args.length; i++) size += 16 + (args[i] as StreamArg).length;
    const buf = this.room(size);
    let pos = this.used;
    buf[pos++] = 0x2a; // '*'
    pos = writeDecimal(buf, pos, args.length);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as StreamArg;
      const n = arg.length;
      buf[pos++] = 0x24; // '$'
      pos = writeDecimal(buf, pos, n);
      // Short arguments (the common keys and values) are copied in JS: a native copy costs more for them.
      if (typeof arg === 'string') {
        if (n < SHORT_ARG) for (let j = 0; j < n; j++) buf[pos + j] = arg.charCodeAt(j);
        else latin1(buf).latin1Write(arg, pos, n);
      } else if (n < SHORT_ARG) {
        for (let j = 0; j < n; j++) buf[pos + j] = arg[j] as number;
      } else {
        buf.set(arg, pos);
      }
      pos += n;
      buf[pos++] = 0x0d;
      buf[pos++] = 0x0a;
    }
    this.used = pos;
  }

  /** Wraps everything written since `from` (a `length` read earlier) in MULTI ... EXEC. */
  wrapInTransaction(from: number): void {
    const buf = this.room(MULTI.length + EXEC.length);
    buf.copy(buf, from + MULTI.length, from, this.used);
    MULTI.copy(buf, from);
    this.used += MULTI.length;
    EXEC.copy(buf, this.used);
    this.used += EXEC.length;
  }

  /** The bytes written since the last take, as a Buffer of their own (null when none); starts afresh. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const out = Buffer.allocUnsafe(this.used);
    this.buffer.copy(out, 0, 0, this.used);
    this.used = 0;
    if (this.buffer.length > 4 * INITIAL_SIZE) this.buffer = Buffer.allocUnsafe(INITIAL_SIZE);
    return out;
  }

  private room(extra: number): Buffer {
    const needed = this.used + extra;
    if (needed <= this.buffer.length) return this.buffer;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
    return grown;
  }
}

/** Writes `n` (a non-negative safe integer) in decimal followed by CRLF at `pos`; returns the new position. */
function writeDecimal(buf: Buffer, pos: number, n: number): number {
  if (n < 10) {
    buf[pos++] = 0x30 + n;
  } else if (n < 100) {
    buf[pos++] = 0x30 + ((n / 10) | 0);
    buf[pos++] = 0x30 + (n % 10);
  } else {
    const digits = String(n);
    pos += latin1(buf).latin1Write(digits, pos, digits.length);
  }
  buf[pos++] = 0x0d;
  buf[pos++] = 0x0a;
  return pos;
}

function latin1(buf: Buffer): Latin1Writable {
  return buf as unknown as Latin1Writable;
}

/** One command encoded on its own (tests, and the rare command written outside the writer). */
export function encodeStreamCommand(args: readonly StreamArg[]): Buffer {
  const writer = new StreamWriter();
  writer.command(args);
  return writer.take() as Buffer;
}
