// SLOWLOG: the most recent commands that took at least slowlog-log-slower-than microseconds, newest first,
// at most slowlog-max-len of them, each with its arguments trimmed like Redis (redis src/slowlog.c: at
// most 32 arguments, each cut to 128 bytes). Only the slow path allocates. No I/O.

/** SLOWLOG_ENTRY_MAX_ARGC: the last kept slot says how many arguments were left out. */
const MAX_ARGS = 32;
/** SLOWLOG_ENTRY_MAX_STRING: longer arguments keep this many bytes plus a note. */
const MAX_ARG_BYTES = 128;

export interface SlowLogEntry {
  readonly id: number;
  /** Unix time in seconds when the command ran. */
  readonly time: number;
  readonly usec: number;
  readonly args: readonly (string | Buffer)[];
  readonly addr: string;
  readonly name: string;
}

export class SlowLog {
  private entries: SlowLogEntry[] = [];
  private nextId = 0;
  /** slowlog-max-len. */
  maxLength = 128;

  get length(): number {
    return this.entries.length;
  }

  push(args: readonly Buffer[], usec: number, time: number, addr: string, name: string): void {
    if (this.maxLength <= 0) return;
    const entry: SlowLogEntry = { id: this.nextId++, time, usec, args: trimArgs(args), addr, name };
    this.entries.unshift(entry);
    if (this.entries.length > this.maxLength) this.entries.length = this.maxLength;
  }

  /** The newest `count` entries (all of them for a negative count). */
  latest(count: number): readonly SlowLogEntry[] {
    return count < 0 ? this.entries : this.entries.slice(0, count);
  }

  /** Applies a new slowlog-max-len, dropping the oldest entries beyond it. */
  resize(maxLength: number): void {
    this.maxLength = maxLength;
    if (this.entries.length > maxLength) this.entries.length = Math.max(0, maxLength);
  }

  reset(): void {
    this.entries = [];
  }
}

function trimArgs(args: readonly Buffer[]): (string | Buffer)[] {
  const kept = Math.min(args.length, MAX_ARGS);
  const out: (string | Buffer)[] = [];
  for (let i = 0; i < kept; i++) {
    if (kept !== args.length && i === kept - 1) {
      out.push(`... (${args.length - kept + 1} more arguments)`);
      continue;
    }
    const arg = args[i] as Buffer;
    if (arg.length > MAX_ARG_BYTES) {
      out.push(
        Buffer.concat([
          arg.subarray(0, MAX_ARG_BYTES),
          Buffer.from(`... (${arg.length - MAX_ARG_BYTES} more bytes)`),
        ]),
      );
    } else {
      out.push(Buffer.from(arg)); // a copy: the argument may be a view of a socket chunk
    }
  }
  return out;
}
