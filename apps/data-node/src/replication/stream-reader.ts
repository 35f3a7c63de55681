// The replication stream as a replica reads it: RESP multibulk commands only (what stream-writer.ts writes,
// and all Redis masters send), split anywhere across frames. Strict: anything else is a StreamFormatError,
// and the replica drops the link and resyncs rather than guess. Only whole commands are handed out, and a
// MULTI ... EXEC block only whole: an unfinished command or transaction waits for the next frame, so the
// replica's offset (and its backlog) never ends inside either, and a replica promoted between two frames holds
// no half-received transaction it counted but did not apply. No I/O.

/** The stream is not what a master writes. */
export class StreamFormatError extends Error {
  override readonly name = 'StreamFormatError';
  readonly code = 'ERR_REPL_STREAM';
}

/** Bounds on what one command of the stream may hold. */
export interface StreamLimits {
  /** Arguments of one command. @default 1048576 */
  readonly maxArgs: number;
  /** Bytes of one argument (proto-max-bulk-len). @default 536870912 */
  readonly maxArgBytes: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxArgs: 1024 * 1024, maxArgBytes: 512 * 1024 * 1024 };

/** Why parsing stopped before the end of the input. */
const INCOMPLETE = -1;

export class StreamReader {
  private carry: Buffer | null = null;

  constructor(private readonly limits: StreamLimits = DEFAULT_STREAM_LIMITS) {}

  /** Bytes of an unfinished command held from earlier frames. */
  get pending(): number {
    return this.carry?.length ?? 0;
  }

  /**
   * Reads `data` (after whatever was held): calls `command` with the arguments of each whole command, in
   * order, and returns the bytes of those whole commands (a view, possibly empty). Arguments are views into
   * the input, valid during the call. Throws StreamFormatError on malformed input.
   */
  feed(data: Buffer, command: (args: Buffer[]) => void): Buffer {
    const input = this.carry === null ? data : Buffer.concat([this.carry, data]);
    this.carry = null;
    let pos = 0;
    const transaction: Buffer[][] = [];
    while (pos < input.length) {
      const end = this.parseOne(input, pos);
      if (end === INCOMPLETE) break;
      const args = this.parsed;
      if (!isNamed(args, MULTI)) {
        command(args);
        pos = end;
        continue;
      }
      // A transaction: handed out only once its EXEC is here too.
      transaction.length = 0;
      transaction.push(args);
      let next = end;
      let complete = false;
      while (next < input.length) {
        const after = this.parseOne(input, next);
        if (after === INCOMPLETE) break;
        transaction.push(this.parsed);
        next = after;
        if (isNamed(this.parsed, EXEC) || isNamed(this.parsed, DISCARD)) {
          complete = true;
          break;
        }
      }
      if (!complete) break;
      for (const queued of transaction) command(queued);
      pos = next;
    }
    if (pos < input.length) this.carry = Buffer.from(input.subarray(pos));
    return input.subarray(0, pos);
  }

  /** Forgets an unfinished command (the link was reset). */
  reset(): void {
    this.carry = null;
  }

  /** The arguments of the command parseOne read last. */
  private parsed: Buffer[] = [];

  /** Reads the command at `start` into `parsed`; returns the position after it, or INCOMPLETE. */
  private parseOne(buf: Buffer, start: number): number {
    if (buf[start] !== 0x2a)
      throw new StreamFormatError(`expected '*' at a command start, got byte ${buf[start]}`);
    const header = readLine(buf, start + 1);
    if (header === null) return INCOMPLETE;
    const count = header.value;
    if (count < 1 || count > this.limits.maxArgs) throw new StreamFormatError(`bad argument count ${count}`);
    const args: Buffer[] = new Array<Buffer>(count);
    let pos = header.next;
    for (let i = 0; i < count; i++) {
      if (pos >= buf.length) return INCOMPLETE;
      if (buf[pos] !== 0x24) throw new StreamFormatError(`expected '$', got byte ${buf[pos]}`);
      const length = readLine(buf, pos + 1);
      if (length === null) return INCOMPLETE;
      const n = length.value;
      if (n < 0 || n > this.limits.maxArgBytes) throw new StreamFormatError(`bad argument length ${n}`);
      const end = length.next + n;
      if (end + 2 > buf.length) return INCOMPLETE;
      if (buf[end] !== 0x0d || buf[end + 1] !== 0x0a)
        throw new StreamFormatError('argument not followed by CRLF');
      args[i] = buf.subarray(length.next, end);
      pos = end + 2;
    }
    this.parsed = args;
    return pos;
  }
}

const MULTI = Buffer.from('multi');
const EXEC = Buffer.from('exec');
const DISCARD = Buffer.from('discard');

/** Whether `args` is the command `lowerName` (any case). */
function isNamed(args: readonly Buffer[], lowerName: Buffer): boolean {
  const name = args[0] as Buffer;
  if (name.length !== lowerName.length) return false;
  for (let i = 0; i < name.length; i++) if (((name[i] as number) | 0x20) !== lowerName[i]) return false;
  return true;
}

/** A decimal number from `pos` up to CRLF: its value and the position after the CRLF; null if incomplete. */
function readLine(buf: Buffer, pos: number): { value: number; next: number } | null {
  let value = 0;
  let digits = 0;
  let negative = false;
  if (pos < buf.length && buf[pos] === 0x2d) {
    negative = true;
    pos++;
  }
  while (pos < buf.length) {
    const c = buf[pos] as number;
    if (c === 0x0d) {
      if (pos + 1 >= buf.length) return null;
      if (buf[pos + 1] !== 0x0a || digits === 0) throw new StreamFormatError('malformed length line');
      return { value: negative ? -value : value, next: pos + 2 };
    }
    if (c < 0x30 || c > 0x39 || ++digits > 15) throw new StreamFormatError('malformed length line');
    value = value * 10 + (c - 0x30);
    pos++;
  }
  return null;
}
