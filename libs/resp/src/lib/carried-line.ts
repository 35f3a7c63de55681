// An unfinished protocol line carried from one chunk to the next (both decoders): its bytes in a reused
// scratch buffer, whether it already ends with the CR of its terminator, and the "dead" mode of a line in
// which a NUL came first (Redis' strchr never finds its end, so only its length matters). No I/O.

export class CarriedLine {
  /** Scratch buffer; bytes [0, length) are the line so far. Never handed out. */
  bytes: Buffer = Buffer.allocUnsafe(0);
  length = 0;
  /** A line is being carried. */
  active = false;
  /** The carried bytes end with the CR of a CRLF whose LF is still to come. */
  endsWithCr = false;
  /** Only the length is kept: the line can never end (a NUL came before its terminator). */
  dead = false;

  /** Starts carrying `buf[from, end)`. */
  start(buf: Uint8Array, from: number, endsWithCr: boolean, dead: boolean): void {
    this.active = true;
    this.length = 0;
    this.endsWithCr = endsWithCr;
    this.dead = dead;
    this.append(buf, from, buf.length);
  }

  /** Adds `buf[from, to)` (growing the scratch buffer by doubling; dead lines only count). */
  append(buf: Uint8Array, from: number, to: number): void {
    const needed = this.length + to - from;
    if (!this.dead) {
      if (needed > this.bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2, 64));
        this.bytes.copy(grown, 0, 0, this.length);
        this.bytes = grown;
      }
      this.bytes.set(buf.subarray(from, to), this.length);
    }
    this.length = needed;
  }

  clear(): void {
    this.active = false;
    this.length = 0;
    this.endsWithCr = false;
    this.dead = false;
  }
}
