// The snapshot of a full sync (what Redis's fork + RDB gives a replica): every key, value and TTL exactly as
// they were at one offset of the replication stream, while the master keeps serving. Without fork, it is
// copy-on-write by slot: the snapshot walks the 16384 slots a little at a time (as fast as the replica
// takes it), and before anything changes a slot it has not copied yet (a write command's keys, an expiry, an
// eviction, FLUSHALL: see Database's SnapshotGuard and the dispatcher), that slot is copied first. So each
// slot is copied as it was at the offset, and commands from the offset on go to the replica after the
// snapshot. Values are copied as DUMP payloads (dump-payload.ts), which are also what the replica restores.
// No I/O.
import type { SnapshotEntry } from '@tessera/proto';
import { SLOT_COUNT } from '@tessera/slot';
import type { Database, SnapshotGuard } from '../keyspace/database.js';
import { encodeDumpPayload } from '../keyspace/dump-payload.js';
import type { Value } from '../keyspace/values.js';

/** Bytes an entry is counted for besides its key and payload (framing). */
const ENTRY_OVERHEAD = 16;

export class KeyspaceSnapshot implements SnapshotGuard {
  /** Keys copied so far. */
  keyCount = 0;
  /** Per slot: 1 once copied (or empty), 0 before. */
  private readonly copied = new Uint8Array(SLOT_COUNT);
  /** The slot the walk is in, and its iterator while that slot is half copied. */
  private cursor = 0;
  private current: IterableIterator<[string, Value]> | null = null;
  /** Entries copied ahead of the walk (copy-on-write), sent before the walk goes on. */
  private ahead: SnapshotEntry[] = [];
  private cancelled = false;

  constructor(
    private readonly db: Database,
    /** The stream offset the snapshot stands for. */
    readonly offset: number,
    /** Told once when the snapshot no longer needs to see changes (complete or cancelled). */
    private readonly release: (snapshot: KeyspaceSnapshot) => void,
  ) {}

  /** True once every slot is copied: changes no longer concern the snapshot. */
  get complete(): boolean {
    return this.cursor >= SLOT_COUNT;
  }

  beforeChange(slot: number): void {
    if (this.copied[slot] === 1) return;
    if (slot === this.cursor && this.current !== null) {
      this.drain(this.current, this.ahead, Infinity);
      this.current = null;
    } else {
      const entries = this.db.slotEntries(slot);
      if (entries !== null) this.drain(entries, this.ahead, Infinity);
    }
    this.copied[slot] = 1;
  }

  beforeFlush(): void {
    for (let slot = this.cursor; slot < SLOT_COUNT; slot++) this.beforeChange(slot);
  }

  /**
   * The next entries, about `maxBytes` of them (at least one key when any is left); null when everything was
   * handed out. After null the snapshot has released its guard.
   */
  next(maxBytes: number): SnapshotEntry[] | null {
    if (this.cancelled) return null;
    let out: SnapshotEntry[];
    let bytes = 0;
    if (this.ahead.length > 0) {
      out = this.ahead;
      this.ahead = [];
      for (const entry of out) bytes += entry.key.length + entry.payload.length + ENTRY_OVERHEAD;
    } else {
      out = [];
    }
    while (bytes < maxBytes && this.cursor < SLOT_COUNT) {
      const slot = this.cursor;
      if (this.copied[slot] === 1) {
        this.cursor++;
        continue;
      }
      this.current ??= this.db.slotEntries(slot);
      let ended = true;
      if (this.current !== null) {
        const drained = this.drain(this.current, out, maxBytes - bytes);
        bytes += drained.bytes;
        ended = drained.ended;
      }
      if (ended) {
        this.copied[slot] = 1;
        this.current = null;
        this.cursor++;
      }
    }
    if (this.cursor >= SLOT_COUNT && this.ahead.length === 0) this.cancel();
    return out.length === 0 && this.cursor >= SLOT_COUNT ? null : out;
  }

  /** Stops watching changes (the replica went away, or the snapshot is complete). Idempotent. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.current = null;
    this.release(this);
  }

  /** Copies entries from `entries` into `out` until `maxBytes` is reached or they end. */
  private drain(
    entries: IterableIterator<[string, Value]>,
    out: SnapshotEntry[],
    maxBytes: number,
  ): { bytes: number; ended: boolean } {
    const db = this.db;
    let bytes = 0;
    for (;;) {
      const next = entries.next();
      if (next.done) return { bytes, ended: true };
      const [key, value] = next.value;
      const at = db.getExpireExact(key);
      const entry: SnapshotEntry = {
        key: Buffer.from(key, 'latin1'),
        payload: encodeDumpPayload(value),
        expireAtMs: at === undefined ? undefined : BigInt(at),
      };
      out.push(entry);
      this.keyCount++;
      bytes += entry.key.length + entry.payload.length + ENTRY_OVERHEAD;
      if (bytes >= maxBytes) return { bytes, ended: false };
    }
  }
}
