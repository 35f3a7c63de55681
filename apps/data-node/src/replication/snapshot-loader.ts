// A replica's side of a full sync's snapshot: the keys arrive into a keyspace of their own (DUMP payloads
// decoded, absolute TTLs set, nothing expired: the master decides), checked against what FullSync and
// SnapshotEnd announce, and swapped in whole at the end, so the replica serves its previous data until then
// and a sync that fails midway leaves it untouched (Redis's disk-based load behaves the same). No I/O.
import type { SnapshotEntry } from '@tessera/proto';
import { Database } from '../keyspace/database.js';
import { decodeDumpPayload } from '../keyspace/dump-payload.js';

export class SnapshotLoader {
  private readonly db: Database;
  /** Keys loaded so far. */
  keys = 0;
  /** Key and payload bytes loaded so far (INFO master_sync_read_bytes). */
  bytes = 0;

  constructor(
    /** The master's history and the offset the snapshot stands for (FullSync). */
    readonly replicationId: string,
    readonly offset: number,
    now: () => number,
  ) {
    this.db = new Database(now);
    this.db.deleteExpired = false;
  }

  /** Loads a chunk; throws when a payload does not decode (the link is then dropped, the old data kept). */
  load(entries: readonly SnapshotEntry[]): void {
    const db = this.db;
    for (const entry of entries) {
      const value = decodeDumpPayload(entry.payload);
      if (value === null) throw new Error('a snapshot entry whose payload does not decode');
      const key = entry.key.toString('latin1');
      db.set(key, value);
      const at = entry.expireAtMs;
      if (at !== undefined) db.setExpire(key, Number(at), at);
      this.keys++;
      this.bytes += entry.key.length + entry.payload.length;
    }
  }

  /**
   * SnapshotEnd: checks it names the same offset and as many keys as arrived, then replaces `target`'s whole
   * content with the snapshot's. Throws (leaving `target` untouched) when the checks fail.
   */
  finish(offset: number, keyCount: number, target: Database): void {
    if (offset !== this.offset) throw new Error(`SnapshotEnd at ${offset}, FullSync said ${this.offset}`);
    if (keyCount !== this.keys) throw new Error(`SnapshotEnd counts ${keyCount} keys, ${this.keys} came`);
    target.replaceWith(this.db);
  }
}
