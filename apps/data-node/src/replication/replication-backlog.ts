// The replication backlog (redis `repl_backlog`, src/replication.c): the last `repl-backlog-size` bytes of
// the replication stream in a ring buffer, with the offsets they sit at, so that a replica whose link
// dropped for a moment resumes from its offset (partial resync) instead of copying the whole keyspace
// again. Offsets count stream bytes since the history began (master_repl_offset): `start` is the offset of
// the first byte held, `end` the offset the next byte will have. Redis numbers bytes from 1 in INFO
// (repl_backlog_first_byte_offset = start + 1); here offsets are 0-based counts. No I/O.

export class ReplicationBacklog {
  private buffer: Buffer;
  /** Index in `buffer` where the next byte goes. */
  private head = 0;
  /** Bytes held, at most the buffer's size. */
  private held = 0;
  private endOffset: number;

  /**
   * @param size capacity in bytes (repl-backlog-size), at least 1.
   * @param offset the stream offset the backlog starts at (master_repl_offset when it is created).
   */
  constructor(size: number, offset: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`backlog size ${size} must be >= 1`);
    this.buffer = Buffer.allocUnsafe(size);
    this.endOffset = offset;
  }

  /** Capacity in bytes (INFO repl_backlog_size). */
  get size(): number {
    return this.buffer.length;
  }

  /** Offset of the first byte held. */
  get start(): number {
    return this.endOffset - this.held;
  }

  /** Offset of the next byte: the stream's end (master_repl_offset). */
  get end(): number {
    return this.endOffset;
  }

  /** Bytes held (INFO repl_backlog_histlen). */
  get length(): number {
    return this.held;
  }

  /** Appends stream bytes; the oldest fall out once the backlog is full. */
  append(data: Uint8Array): void {
    const size = this.buffer.length;
    const n = data.length;
    if (n === 0) return;
    if (n >= size) {
      this.buffer.set(data.subarray(n - size), 0);
      this.head = 0;
      this.held = size;
    } else {
      const first = Math.min(n, size - this.head);
      this.buffer.set(data.subarray(0, first), this.head);
      if (first < n) this.buffer.set(data.subarray(first), 0);
      this.head = (this.head + n) % size;
      this.held = Math.min(size, this.held + n);
    }
    this.endOffset += n;
  }

  /**
   * Whether a replica that has processed `offset` bytes can continue from here: every byte from `offset` to
   * the end is held (redis masterTryPartialResynchronization's backlog range check).
   */
  covers(offset: number): boolean {
    return offset >= this.start && offset <= this.endOffset;
  }

  /**
   * The bytes from `from` to `to` (default: the end) as one or two views into the ring, in order. The views
   * are valid until the next append: copy or send them at once. Throws when the range is not held.
   */
  read(from: number, to: number = this.endOffset): Buffer[] {
    if (from < this.start || to > this.endOffset || from > to) {
      throw new RangeError(`backlog range ${from}..${to} is not within ${this.start}..${this.endOffset}`);
    }
    if (from === to) return [];
    const size = this.buffer.length;
    const tail = (this.head - this.held + size) % size; // index of `start`
    const begin = (tail + (from - this.start)) % size;
    const count = to - from;
    if (begin + count <= size) return [this.buffer.subarray(begin, begin + count)];
    return [this.buffer.subarray(begin, size), this.buffer.subarray(0, count - (size - begin))];
  }

  /** Changes the capacity (CONFIG SET repl-backlog-size), keeping the newest bytes that fit. */
  resize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`backlog size ${size} must be >= 1`);
    if (size === this.buffer.length) return;
    const keep = Math.min(this.held, size);
    const kept = Buffer.concat(this.read(this.endOffset - keep));
    this.buffer = Buffer.allocUnsafe(size);
    kept.copy(this.buffer, 0);
    this.head = keep % size;
    this.held = keep;
  }
}
