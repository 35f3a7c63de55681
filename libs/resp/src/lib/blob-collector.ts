// Collects a payload of known length that straddles chunks (a request bulk argument, a reply blob) into
// memory of its own. Grows with what actually arrives instead of allocating the declared length up front,
// so `$536870912` followed by nothing costs nothing: memory stays within twice the bytes received. No I/O.

/** Payloads up to this size are allocated whole at once; larger ones grow by doubling. */
const PREALLOC_LIMIT = 65_536;

export class BlobCollector {
  /** Declared payload length. */
  length = 0;
  /** Bytes collected so far. */
  have = 0;
  private bytes: Buffer | null = null;

  /** A payload is being collected. */
  get active(): boolean {
    return this.bytes !== null;
  }

  /** Starts a payload of `length` bytes with `buf[from, to)`, its first bytes. */
  start(length: number, buf: Uint8Array, from: number, to: number): void {
    const available = to - from;
    this.length = length;
    this.bytes = Buffer.allocUnsafe(
      length <= PREALLOC_LIMIT ? length : Math.max(PREALLOC_LIMIT, available * 2),
    );
    this.bytes.set(buf.subarray(from, to), 0);
    this.have = available;
  }

  /** Adds as much of `chunk` from `from` as the payload still needs; returns how many bytes it took. */
  add(chunk: Uint8Array, from: number): number {
    const bytes = this.bytes as Buffer;
    const take = Math.min(this.length - this.have, chunk.length - from);
    const needed = this.have + take;
    if (needed > bytes.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.length, Math.max(needed, bytes.length * 2)));
      bytes.copy(grown, 0, 0, this.have);
      this.bytes = grown;
    }
    (this.bytes as Buffer).set(chunk.subarray(from, from + take), this.have);
    this.have = needed;
    return take;
  }

  /** All `length` bytes have arrived. */
  get complete(): boolean {
    return this.have === this.length;
  }

  /** Hands out the complete payload (its memory is the caller's from now on) and resets. */
  take(): Buffer {
    const bytes = this.bytes as Buffer;
    this.clear();
    return bytes.length === this.length ? bytes : bytes.subarray(0, this.length);
  }

  clear(): void {
    this.bytes = null;
    this.have = 0;
  }
}
